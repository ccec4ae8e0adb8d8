using System.Diagnostics;
using Sim2Real.Mcap.Reading;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Tests;
using Sim2Real.Ros.Transport;
using Xunit.Abstractions;

namespace Sim2Real.Runtime.Tests.EndToEnd;

/// <summary>
/// A deployment killed with SIGKILL mid-run (a crash, the OOM killer): `log recover` rebuilds its log, and what it
/// lost is at most the last chunk, which the recorder closes every logging.flush_interval_s (1 s by default).
/// </summary>
public sealed class DeployCrashTests(SimulatedArm arm, ITestOutputHelper output) : IClassFixture<SimulatedArm>
{
    private const double FlushIntervalS = 1.0;   // logging.flush_interval_s's default, which the launch file keeps
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(300);

    [Fact]
    public async Task Sigkill_of_deploy_then_log_recover_loses_at_most_the_last_chunk()
    {
        var domain = RosDomain.Fresh();
        using var serve = CliProcess.Start(domain, SimulatedArm.ServeArgs());
        await serve.WaitForOutputAsync("serving", Startup);
        var log = arm.PathOf($"killed-{Guid.NewGuid():N}.mcap");
        var recovered = arm.PathOf($"recovered-{Guid.NewGuid():N}.mcap");
        // When each tick was seen on the wire, by a node that is not the recorder.
        var seen = new Dictionary<ulong, TimeSpan>();
        var clock = Stopwatch.StartNew();
        using var observer = new RosNode(domain.Options("observer"));
        using var ticks = observer.CreateSubscription<PolicyTick>("/policy/tick").Subscribe(t => { lock (seen) { seen[t.Tick] = clock.Elapsed; } });
        using var deploy = CliProcess.Start(domain, "deploy", "--launch", arm.Launch, "--duration", "600", "--record-to", log);

        Assert.True(await Eventually.HoldsAsync(() => Seen(seen) >= 150 && clock.Elapsed > TimeSpan.FromSeconds(3 * FlushIntervalS), Bound), "deploy published too few ticks");
        deploy.Kill();
        var killedAt = clock.Elapsed;
        Assert.True(File.Exists(log), deploy.Output);

        using var recover = CliProcess.Start(domain, "log", "recover", log, recovered);
        var code = await recover.ExitAsync(Bound);

        // 0: nothing lost (the kill fell between chunks); 3: the chunk being written was cut off, and said so.
        Assert.True(code is 0 or 3, recover.Output);
        using var reader = McapReader.Open(recovered);
        var recorded = reader.ReadMessages().Where(m => m.Channel.Topic == "/policy/tick")
            .Select(m => (m.ChunkOffset, RosMessage.Decode<PolicyTick>(m.Message.Data.Span).Tick)).ToList();
        Assert.True(recorded.Count > 50, $"{recorded.Count} ticks recovered\n{recover.Output}");
        Assert.Equal(recorded.Select(r => r.Tick).Order(), recorded.Select(r => r.Tick));
        var perChunk = recorded.GroupBy(r => r.ChunkOffset).Max(g => g.Count());
        ulong lastSeen;
        TimeSpan lastRecordedSeen;
        lock (seen)
        {
            lastSeen = seen.Keys.Max();
            lastRecordedSeen = seen[recorded[^1].Tick];
        }

        // What the kill took is the chunk that was filling, which the recorder closes every flush interval of wall
        // time (sooner when it fills): the log may end at most that long before the kill, plus a second of scheduling
        // slack on a loaded 2-core machine. Counted in ticks it can exceed the fullest chunk: in lockstep the simulator
        // runs faster than real time, chunks close by size, and the recorder thread's queue dies with the chunk.
        var lostTicks = lastSeen - recorded[^1].Tick;
        var lost = killedAt - lastRecordedSeen;
        output.WriteLine($"log recover exit {code}; {recorded.Count} ticks recovered in chunks of up to {perChunk}; lost the last {lostTicks} ticks seen on the wire, the log ends {lost.TotalSeconds:0.000} s before the kill");
        Assert.True(lost.TotalSeconds <= FlushIntervalS + 1.0, $"the log ends {lost.TotalSeconds:0.00} s before the kill; one chunk is {FlushIntervalS} s\n{recover.Output}");
    }

    private static int Seen(Dictionary<ulong, TimeSpan> seen)
    {
        lock (seen)
        {
            return seen.Count;
        }
    }
}
