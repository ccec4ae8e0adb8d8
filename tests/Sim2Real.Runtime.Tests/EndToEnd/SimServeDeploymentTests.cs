using System.Globalization;
using System.Text.Json;
using Sim2Real.Mcap.Reading;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Tests;
using Sim2Real.Ros.Transport;
using Sim2Real.Runtime.Hosting;
using Sim2Real.Runtime.Safety;

namespace Sim2Real.Runtime.Tests.EndToEnd;

/// <summary>
/// `sim serve` in one process and the runtime in another, meeting only on ROS 2 topics, as a physical robot would:
/// scored episodes, the faults sim serve injects answered by their rules within one control period, the e-stop.
/// </summary>
public sealed class SimServeDeploymentTests(SimulatedArm arm) : IClassFixture<SimulatedArm>
{
    private const double ControlPeriodS = 0.02;
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(300);

    [Fact]
    public async Task Deploys_the_simulated_arm_for_scored_episodes_and_records_every_tick()
    {
        var domain = RosDomain.Fresh();
        using var serve = CliProcess.Start(domain, SimulatedArm.ServeArgs());
        await serve.WaitForOutputAsync("serving", Startup);
        var log = arm.PathOf($"episodes-{Guid.NewGuid():N}.mcap");
        var json = arm.PathOf($"episodes-{Guid.NewGuid():N}.json");
        using var deploy = CliProcess.Start(domain, "deploy", "--launch", arm.Launch, "--episodes", "2", "--record-to", log, "--summary-json", json);
        var code = await deploy.ExitAsync(Bound);

        Assert.True(code == 0, deploy.Output);
        using var summary = JsonDocument.Parse(File.ReadAllText(json));
        var root = summary.RootElement;
        Assert.Equal(2, root.GetProperty("episodes").GetArrayLength());
        Assert.Equal(0, root.GetProperty("trips").GetArrayLength());
        var ticks = root.GetProperty("policy_ticks").GetInt64();
        Assert.True(ticks > 50, $"only {ticks} policy ticks in two episodes");

        using var reader = McapReader.Open(log);
        var counts = reader.Channels.Values.ToDictionary(c => c.Topic, c => reader.Statistics!.ChannelMessageCounts.GetValueOrDefault(c.Id));
        Assert.Equal((ulong)root.GetProperty("commands").GetInt64(), counts["/forward_position_controller/commands"]);
        Assert.True(counts["/joint_states"] > counts["/forward_position_controller/commands"], "joint_states arrive faster than commands go out");
        Assert.Equal(2, reader.MetadataIndexes.Count(m => m.Name == "episode"));
        var deployment = reader.ReadMetadata(reader.MetadataIndexes.Single(m => m.Name == "deployment"));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(arm.Policy))), deployment.Values["policy_sha256"]);
        var recorded = reader.ReadMessages().Where(m => m.Channel.Topic == "/policy/tick").Select(m => RosMessage.Decode<PolicyTick>(m.Message.Data.Span)).ToList();
        Assert.NotEmpty(recorded);
        var fed = recorded.First(t => !t.DeadlineMissed && t.RawAction.Length > 0);
        Assert.Equal(6, fed.RawAction.Length);
        Assert.Equal(6, fed.Commanded.Length);
        Assert.Equal(Robotics.Observations.ObservationLayout.Create(Robotics.Observations.ObservationLayouts.Reach, 6).Size, fed.Observation.Length);
        Assert.True(recorded.Select(t => t.Episode).Distinct().Count() >= 2, "ticks carry their episode");
    }

    [Fact]
    public async Task Launch_starts_sim_serve_and_deploy_together_on_the_same_remapped_topics_and_stops_both()
    {
        // The remap reaches both processes or neither meets the other: joint_states would go unheard.
        var domain = RosDomain.Fresh();
        using var launch = CliProcess.Start(domain, "launch", arm.Launch, "--episodes", "1", "--no-record", "--ros-args", "-r", "/joint_states:=/robot1/joint_states");
        var code = await launch.ExitAsync(Bound);

        Assert.True(code == 0, launch.Output);
        Assert.Contains("[sim serve] serving arm6/reach", launch.Output, StringComparison.Ordinal);
        Assert.Contains("episodes: 1, success", launch.Output, StringComparison.Ordinal);
        Assert.Contains("[sim serve] stopped after", launch.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_to_launch_stops_deploy_and_sim_serve_and_orphans_nothing()
    {
        var domain = RosDomain.Fresh();
        var json = arm.PathOf($"terminated-{Guid.NewGuid():N}.json");
        using var launch = CliProcess.Start(domain, "launch", arm.Launch, "--duration", "600", "--no-record", "--summary-json", json);
        await launch.WaitForOutputAsync("every input is live", Startup);

        launch.Terminate();
        var code = await launch.ExitAsync(Bound);

        // A stop the operator asked for is a normal end: the summary, then sim serve stopped, not left running.
        Assert.True(code == 0, launch.Output);
        Assert.Contains("result: ok", launch.Output, StringComparison.Ordinal);
        Assert.Contains("[sim serve] stopped after", launch.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(json), $"deploy wrote no summary\n{launch.Output}");
    }

    [Fact]
    public async Task Launch_refuses_a_namespace_that_would_part_its_processes()
    {
        var domain = RosDomain.Fresh();
        using var launch = CliProcess.Start(domain, "launch", arm.Launch, "--episodes", "1", "--no-record", "--ros-args", "-r", "__ns:=/robot1");
        var code = await launch.ExitAsync(Bound);

        Assert.Equal(2, code);   // deploy and launch: 2 is bad input, nothing started
        Assert.Contains("--ros-args: __ns:=/robot1: launch starts several nodes", launch.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[sim serve]", launch.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensor_noise_from_sim_serve_trips_nothing()
    {
        var domain = RosDomain.Fresh();
        using var serve = CliProcess.Start(domain, SimulatedArm.ServeArgs("sensor_noise,at=0.5,magnitude=0.01"));
        await serve.WaitForOutputAsync("serving", Startup);
        using var deploy = CliProcess.Start(domain, "deploy", "--launch", arm.Launch, "--duration", "3", "--no-record");
        var code = await deploy.ExitAsync(Bound);

        Assert.True(code == 0, deploy.Output);
        Assert.Contains("trips: none", deploy.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task E_stop_latches_the_safe_state_until_an_explicit_reset_and_the_reset_resumes_the_policy()
    {
        var domain = RosDomain.Fresh();
        using var serve = CliProcess.Start(domain, SimulatedArm.ServeArgs());
        await serve.WaitForOutputAsync("serving", Startup);
        using var session = DeploymentSession.Open(arm.Launch);
        using var operatorNode = new RosNode(domain.Options("operator"));
        using var eStop = operatorNode.CreatePublisher<Bool>("/e_stop");
        using var reset = operatorNode.CreatePublisher<Empty>("/e_stop_reset");
        var events = new List<WatchdogEvent>();
        var states = new List<string>();
        using var watch = operatorNode.CreateSubscription<WatchdogEvent>("/watchdog/events").Subscribe(e => { lock (events) { events.Add(e); } });
        using var ticks = operatorNode.CreateSubscription<PolicyTick>("/policy/tick").Subscribe(t => { lock (states) { states.Add(t.SafetyState); } });
        long safeCommands = 0;
        using var commandsSeen = operatorNode.CreateSubscription<Float64MultiArray>("/forward_position_controller/commands").Subscribe(_ => Interlocked.Increment(ref safeCommands));
        using var stop = new CancellationTokenSource();
        var run = session.RunAsync(new DeploymentRunOptions { Ros = domain.Options("sim2real_runtime"), Output = TextWriter.Null, ExpectTrip = RuleNames.EStop }, stop.Token);

        Assert.True(await Eventually.HoldsAsync(() => Count(states, s => s == "ok") > 5, Bound), "the loop never ran");
        await eStop.WaitForSubscribersAsync();
        await reset.WaitForSubscribersAsync();
        eStop.Publish(new Bool { Data = true });
        Assert.True(await Eventually.HoldsAsync(() => Count(events, e => e.Rule == RuleNames.EStop && e.Tripped) == 1, Bound), "the e-stop did not trip");
        var ticksAtTrip = Count(states, _ => true);
        var commands = Interlocked.Read(ref safeCommands);
        // Still engaged: a reset must not release it; the safe action keeps going out every period.
        reset.Publish(new Empty());
        Assert.True(await Eventually.HoldsAsync(() => Interlocked.Read(ref safeCommands) > commands + 10, Bound), "the safe action stopped");
        eStop.Publish(new Bool { Data = false });
        commands = Interlocked.Read(ref safeCommands);
        Assert.True(await Eventually.HoldsAsync(() => Interlocked.Read(ref safeCommands) > commands + 10, Bound), "the safe action stopped");
        Assert.Equal(0, Count(events, e => !e.Tripped));
        Assert.True(Count(states, _ => true) <= ticksAtTrip + 1, "the policy ran while the e-stop was latched");
        reset.Publish(new Empty());
        Assert.True(await Eventually.HoldsAsync(() => Count(events, e => e.Rule == RuleNames.EStop && !e.Tripped) == 1, Bound), "the reset did not release the e-stop");
        var released = Count(states, _ => true);
        Assert.True(await Eventually.HoldsAsync(() => Count(states, s => s is "ok" or "ramp") > released + 10, Bound), "the policy did not resume after the reset");
        stop.Cancel();
        var summary = await run;

        Assert.Equal(0, summary.ExitCode);
        var trip = Assert.Single(summary.Trips);
        Assert.True(trip.Reaction!.Value.TotalSeconds <= ControlPeriodS + 1e-9, $"e-stop answered after {trip.Reaction.Value.TotalMilliseconds} ms");
    }

    private static int Count<T>(List<T> list, Func<T, bool> match)
    {
        lock (list)
        {
            return list.Count(match);
        }
    }
}
