using Sim2Real.Ros.Messages.DiagnosticMsgs;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;

namespace Sim2Real.SimRobot.Tests.Served;

/// <summary>
/// Faults injected on /sim/fault by this process, each observed from outside the served arm: in what its topics
/// carry, and announced on /diagnostics (WARN at the start, OK at the end) with the fault's status name.
/// </summary>
[Collection(ServedArmCollection.Name)]
public sealed class ServedArmFaultTests
{
    private const long Ms = 1_000_000;
    private readonly ServedArm _arm;

    public ServedArmFaultTests(ServedArm arm) => _arm = arm;

    private RobotClient Client => _arm.Client;

    [Fact]
    public async Task Stopping_joint_states_silences_them_for_the_fault_while_the_clock_runs_on()
    {
        await _arm.BeginAsync();
        var (_, states) = await Inject(new FaultCommand { Kind = FaultCommand.STOP_JOINT_STATES, DurationS = 0.1 }, "stop_joint_states", 10);

        var stamps = states.Select(RobotClient.Stamp).Distinct().ToArray();
        var gaps = stamps.Zip(stamps.Skip(1), (a, b) => b - a).ToArray();
        // One gap of the fault's length (100 ms, plus the step it ends on); every other message 2 ms after the last.
        Assert.Equal(102 * Ms, gaps.Max());
        Assert.Equal(gaps.Length - 1, gaps.Count(g => g == 2 * Ms));
    }

    [Fact]
    public async Task Freezing_joint_states_keeps_fresh_stamps_on_the_last_values()
    {
        await _arm.BeginAsync();
        var moving = _arm.Home;
        moving[0] = 1.0;
        var (start, states) = await Inject(new FaultCommand { Kind = FaultCommand.FREEZE_JOINT_STATES, DurationS = 0.1 }, "freeze_joint_states", 10, moving);

        var (frozen, live) = Split(states, start, 0.1);
        Assert.True(frozen.Length >= 45, $"{frozen.Length} frozen messages");
        Assert.All(frozen, s => Assert.Equal(frozen[0].Position, s.Position));
        Assert.Equal(frozen.Length, frozen.Select(RobotClient.Stamp).Distinct().Count());
        // The joint moved all along: after the freeze its reading jumps to where it got to.
        Assert.NotEqual(frozen[0].Position[0], live[^1].Position[0]);
    }

    [Fact]
    public async Task Sensor_noise_is_fresh_on_every_message_and_so_not_a_frozen_sensor()
    {
        await _arm.BeginAsync();
        for (var t = 0; t < 25; t++)
        {
            await Client.StepAsync(_arm.Home); // settle: the readings of a still arm barely change
        }

        var (start, states) = await Inject(new FaultCommand { Kind = FaultCommand.SENSOR_NOISE, DurationS = 0.1, Magnitude = 0.01 }, "sensor_noise", 10);
        var (noisy, quiet) = Split(states, start, 0.1);

        double Spread(JointState[] run) => Math.Sqrt(run.Zip(run.Skip(1), (a, b) => Math.Pow(b.Position[0] - a.Position[0], 2)).Average() / 2);
        // Successive readings differ by about the noise (a freeze would show zero), quiet ones by far less.
        Assert.InRange(Spread(noisy), 0.006, 0.014);
        Assert.True(Spread(quiet[1..]) < 0.001, $"quiet spread {Spread(quiet[1..])}");
    }

    [Fact]
    public async Task Command_latency_delays_every_command_by_its_magnitude()
    {
        var (episode, _) = await _arm.BeginAsync();
        using var sim = ServedArm.Simulate(episode);
        Client.Faults.Publish(new FaultCommand { Kind = FaultCommand.COMMAND_LATENCY, DurationS = 1, Magnitude = 0.06 });
        await Client.Diagnostics.WaitFor(d => d.Status.Any(s => s.Name == Client.Status("command_latency") && s.Level == DiagnosticStatus.WARN));
        var step = _arm.Home;
        step[2] += 0.3;

        JointState state = null!;
        for (var t = 0; t < 6; t++)
        {
            // 60 ms is three control periods: the arm holds home through them, then follows the command sent first.
            sim.ControlStep(t < 3 ? _arm.Home : step, [], []);
            state = await Client.StepAsync(step);
            Assert.Equal(sim.Data.qpos.ToArray(), state.Position);
        }

        Assert.True(state.Position[2] - _arm.Home[2] > 0.01, $"elbow moved {state.Position[2] - _arm.Home[2]:0.####} rad toward the step");
    }

    [Fact]
    public async Task A_push_shoves_the_arm_off_the_pose_it_holds()
    {
        await _arm.BeginAsync();
        for (var t = 0; t < 25; t++)
        {
            await Client.StepAsync(_arm.Home);
        }

        var (start, states) = await Inject(new FaultCommand { Kind = FaultCommand.PUSH, DurationS = 0.1, Magnitude = 40, Direction = new Vector3 { Y = 1 } }, "push", 10);
        var (pushed, _) = Split(states, start, 0.1);
        var yaw = pushed.Max(s => Math.Abs(s.Position[0] - pushed[0].Position[0]));
        Assert.True(yaw > 0.01, $"shoulder yaw moved {yaw:0.#####} rad under a 40 N sideways push on link3");
    }

    [Fact]
    public async Task Dropping_the_camera_stops_its_frames_for_the_fault()
    {
        await _arm.BeginAsync();
        var images = Client.Images["scene"];
        var from = images.Count;
        var (start, _) = await Inject(new FaultCommand { Kind = FaultCommand.DROP_CAMERA, DurationS = 0.2 }, "drop_camera", 20);
        await images.WaitFor(i => Sensors.RosConvert.Nanoseconds(i.Header.Stamp) > start + (250 * Ms), from);

        var stamps = images.Snapshot()[from..].Select(i => Sensors.RosConvert.Nanoseconds(i.Header.Stamp) - start).ToArray();
        // 25 Hz: a frame every 40 ms, none inside the 200 ms fault.
        Assert.DoesNotContain(stamps, t => t > 0 && t < 200 * Ms);
        Assert.Contains(stamps, t => t >= 200 * Ms);
    }

    [Fact]
    public async Task A_fault_command_that_does_not_parse_is_reported_as_an_error_naming_its_field()
    {
        await _arm.BeginAsync();
        var from = Client.Diagnostics.Count;
        Client.Faults.Publish(new FaultCommand { Kind = 42 });
        Client.Faults.Publish(new FaultCommand { Kind = FaultCommand.SENSOR_NOISE, Magnitude = double.NaN });

        var first = await Client.Diagnostics.WaitFor(d => d.Status.Any(s => s.Name == Client.Status("fault_command")), from);
        Assert.Equal(DiagnosticStatus.ERROR, first.Status[0].Level);
        Assert.Contains("/sim/fault: kind: 42 is not a fault kind", first.Status[0].Message, StringComparison.Ordinal);
        var second = await Client.Diagnostics.WaitFor(d => d.Status.Any(s => s.Name == Client.Status("fault_command") && s.Message.Contains("magnitude", StringComparison.Ordinal)), from);
        Assert.Contains("NaN", second.Status[0].Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends <paramref name="fault"/>, then <paramref name="periods"/> commands; checks the WARN at its start and the
    /// OK at its end; returns the robot time it started at and the joint states received from then on.
    /// </summary>
    private async Task<(long StartNs, JointState[] States)> Inject(FaultCommand fault, string name, int periods, double[]? command = null)
    {
        var from = Client.Diagnostics.Count;
        var start = Client.LastStampNs;
        // The last reading before the fault, then all after, by arrival, not stamp: the end of the last episode and
        // the start of this one carry the same stamp.
        var states = Client.JointStates.Count - 1;
        Client.Faults.Publish(fault);
        var started = await Client.Diagnostics.WaitFor(d => d.Status.Any(s => s.Name == Client.Status(name)), from, name + " start");
        Assert.Equal(DiagnosticStatus.WARN, started.Status[0].Level);
        for (var t = 0; t < periods; t++)
        {
            Client.Commands.Publish(new Ros.Messages.StdMsgs.Float64MultiArray { Data = command ?? _arm.Home });
            await Client.WaitUntilAsync(start + ((t + 1) * RobotClient.PeriodNs));
        }

        var ended = await Client.Diagnostics.WaitFor(d => d.Status.Any(s => s.Name == Client.Status(name) && s.Level == DiagnosticStatus.OK), from, name + " end");
        Assert.Contains(ended.Status[0].Values, v => v.Key == "active" && v.Value == "false");
        await Client.JointStates.WaitFor(s => RobotClient.Stamp(s) == start + (periods * RobotClient.PeriodNs));
        return (start, Client.JointStates.Snapshot()[states..]);
    }

    /// <summary>The messages during the fault's first <paramref name="seconds"/> and those after.</summary>
    private static (JointState[] During, JointState[] After) Split(JointState[] states, long start, double seconds)
    {
        var end = start + (long)Math.Round(seconds * 1e9);
        return ([.. states.Where(s => RobotClient.Stamp(s) < end)], [.. states.Where(s => RobotClient.Stamp(s) >= end)]);
    }
}
