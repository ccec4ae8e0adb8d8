using System.Collections.Concurrent;
using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Ros.Tests.Transport;

/// <summary>
/// Every message type makes a round trip through another process: out as C# CDR, decoded and re-encoded by the
/// peer, back in, decoded by C# again. With the C peer that is interop in both directions with code that shares
/// nothing with ours (Cyclone's descriptor-driven serializer over idlc's output).
/// </summary>
public class TwoProcessTests
{
    private const int PerType = 2;

    [Fact]
    public Task Every_message_type_round_trips_through_a_CSharp_process() =>
        RoundTripAll((prefix, types) => EchoPeer.StartCSharp(prefix, PerType, types));

    [Fact]
    public Task Every_message_type_round_trips_through_a_C_peer_built_from_idlc_output() =>
        RoundTripAll((prefix, types) => EchoPeer.StartC(prefix, PerType, types));

    private static async Task RoundTripAll(Func<string, IReadOnlyList<RosMessageType>, EchoPeer> startPeer)
    {
        var prefix = RosTestEnvironment.UniquePrefix();
        var types = RosMessageTypes.All;
        using var peer = startPeer(prefix, types);
        await peer.ReadyAsync();
        using var node = new RosNode(RosTestEnvironment.Options());
        var received = new ConcurrentDictionary<string, ConcurrentQueue<byte[]>>();
        var publishers = new List<SerializedPublisher>();
        var subscriptions = new List<SerializedSubscription>();
        var expected = new Dictionary<string, byte[][]>();
        try
        {
            foreach (var type in types)
            {
                var key = type.Name.Name + "_";
                var queue = received.GetOrAdd(key, _ => new ConcurrentQueue<byte[]>());
                var subscription = node.CreateSerializedSubscription($"/{prefix}/out/{key}", type.Name, RosTestEnvironment.Lossless);
                subscription.Subscribe(m => queue.Enqueue(m.Cdr));
                subscriptions.Add(subscription);
                publishers.Add(node.CreateSerializedPublisher($"/{prefix}/in/{key}", type.Name, RosTestEnvironment.Lossless));
                expected[key] = [Encode(type, MessageIntrospection.Probe(type.ClrType)), Encode(type, type.CreateDefault())];
            }

            for (var i = 0; i < types.Count; i++)
            {
                await publishers[i].WaitForSubscribersAsync().WaitAsync(TimeSpan.FromSeconds(20));
                foreach (var sample in expected[types[i].Name.Name + "_"])
                {
                    publishers[i].Publish(sample);
                }
            }

            var (exitCode, output) = await peer.ExitAsync();
            Assert.True(exitCode == 0, $"peer failed ({exitCode}): {output}");
            // The peer waited for our acknowledgments; give the last samples a moment to be taken.
            await Eventually.HoldsAsync(() => received.Values.Sum(q => q.Count) >= types.Count * PerType);

            foreach (var type in types)
            {
                var key = type.Name.Name + "_";
                var back = received[key].ToArray();
                Assert.True(back.Length == PerType, $"{type.Name}: {back.Length} of {PerType} samples came back");
                for (var k = 0; k < PerType; k++)
                {
                    // Re-encoding what came back must give exactly what we sent: every field survived both codecs.
                    Assert.Equal(expected[key][k], Encode(type, type.Read(back[k])));
                }
            }

            Assert.All(subscriptions, s => Assert.Equal(0, s.Status.Malformed));
        }
        finally
        {
            publishers.ForEach(p => p.Dispose());
            subscriptions.ForEach(s => s.Dispose());
        }
    }

    private static byte[] Encode(RosMessageType type, object message)
    {
        using var writer = new CdrWriter();
        type.Write(writer, message);
        return writer.Written.ToArray();
    }
}
