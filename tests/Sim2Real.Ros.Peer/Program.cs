// Usage: Sim2Real.Ros.Peer echo <prefix> <count-per-type> <timeout-s> <Type_>...
// For each type: subscribe /<prefix>/in/<Type_>, decode with the C# record codec, re-encode, publish on
// /<prefix>/out/<Type_>. The same protocol as the C peer (src/native/dds/peer), so one test drives both.
using System.Globalization;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;

if (args.Length < 5 || args[0] != "echo")
{
    Console.Error.WriteLine("usage: Sim2Real.Ros.Peer echo <prefix> <count-per-type> <timeout-s> <Type_>...");
    return 2;
}

var prefix = args[1];
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var timeout = TimeSpan.FromSeconds(int.Parse(args[3], CultureInfo.InvariantCulture));
using var node = new RosNode(RosOptions.FromEnvironment("ros_peer"));
var relays = new List<IDisposable>();
var done = new CountdownEvent(args.Length - 4);
foreach (var typeName in args[4..])
{
    var type = RosMessageTypes.All.Single(t => t.Name.Name + "_" == typeName);
    var publisher = node.CreateSerializedPublisher($"/{prefix}/out/{typeName}", type.Name);
    var subscription = node.CreateSerializedSubscription($"/{prefix}/in/{typeName}", type.Name, validate: false);
    var seen = 0;
    var writer = new CdrWriter();
    relays.Add(subscription.Subscribe(message =>
    {
        publisher.WaitForSubscribersAsync().Wait(timeout);
        writer.Reset();
        type.Write(writer, type.Read(message.Cdr));
        publisher.Publish(writer.Written);
        if (Interlocked.Increment(ref seen) == count)
        {
            done.Signal();
        }
    }));
    relays.AddRange([subscription, publisher, writer]);
}

Console.WriteLine("ready");
var complete = done.Wait(timeout);
foreach (var relay in relays)
{
    if (relay is SerializedPublisher p)
    {
        p.WaitForAcknowledgments(TimeSpan.FromSeconds(5));
    }
}

relays.ForEach(r => r.Dispose());
return complete ? 0 : 3;
