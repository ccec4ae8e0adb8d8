using Sim2Real.Core;
using Sim2Real.Robotics.Actions;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Sim.Environments;

namespace Sim2Real.SimRobot.Tests.Served;

/// <summary>Joint states out and commands in, between this process and the served arm in another, over ROS 2.</summary>
[Collection(ServedArmCollection.Name)]
public sealed class ServedArmCommandTests
{
    private readonly ServedArm _arm;

    public ServedArmCommandTests(ServedArm arm) => _arm = arm;

    private RobotClient Client => _arm.Client;

    [Fact]
    public async Task Joint_states_carry_every_joint_in_the_robots_order_once_per_physics_step()
    {
        var (_, start) = await _arm.BeginAsync();
        await Client.StepAsync(_arm.Home);

        var period = Client.JointStates.Snapshot().Where(s => RobotClient.Stamp(s) > start && RobotClient.Stamp(s) <= start + RobotClient.PeriodNs).ToArray();
        // 500 Hz by default: one message per 2 ms physics step, stamped on the simulated clock.
        Assert.Equal(10, period.Length);
        Assert.Equal(Enumerable.Range(1, 10).Select(k => start + (k * 2_000_000L)), period.Select(RobotClient.Stamp));
        Assert.All(period, s =>
        {
            Assert.Equal(_arm.Config.Spec.JointNames, s.Name);
            Assert.Equal(6, s.Position.Length);
            Assert.Equal(6, s.Velocity.Length);
            Assert.Equal(6, s.Effort.Length);
        });
        // /clock carries the simulated time the stamps are on.
        await Client.Clock.WaitFor(c => Sensors.RosConvert.Nanoseconds(c.Time) >= start + RobotClient.PeriodNs);
    }

    [Fact]
    public async Task A_position_command_moves_the_joints_toward_it_and_equals_the_learning_environment_stepping_the_same_action()
    {
        var (episode, _) = await _arm.BeginAsync();
        // Episode k of run seed S is the world EpisodeSeeds.World(S, k), the one `sim play --seed S` plays as its episode k.
        using var env = (RobotEnvironment)RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", ActionRepeat = 1 });
        env.Reset(EpisodeSeeds.World(ServedArm.Seed, episode));
        var mapper = new ActionMapper(_arm.Config.Spec, "test");
        var (commanded, targets) = (new float[6], new double[6]);
        var action = new float[] { 0.4f, -0.3f, 0.5f, 0.8f, -0.6f, 0.2f };
        var elbow = _arm.Config.Spec.JointIndex("elbow");
        var start = env.Data.qpos[elbow];

        for (var t = 0; t < 25; t++)
        {
            env.Step(action);
            mapper.Map(action, commanded, targets);
            var state = await Client.StepAsync(targets);

            // Bit for bit: the same world, the same targets, the same physics.
            Assert.Equal(env.Data.qpos.ToArray(), state.Position);
            Assert.Equal(env.Data.qvel.ToArray(), state.Velocity);
        }

        var final = Client.JointStates.Snapshot()[^1].Position[elbow];
        Assert.True(Math.Abs(final - targets[elbow]) < Math.Abs(start - targets[elbow]) / 2, $"elbow went from {start:0.###} to {final:0.###} rad toward {targets[elbow]:0.###}");
    }

    [Fact]
    public async Task Targets_beyond_the_joint_limits_are_clamped_to_them()
    {
        var (episode, _) = await _arm.BeginAsync();
        var beyond = _arm.Home;
        var elbow = _arm.Config.Spec.JointIndex("elbow");
        var pitch = _arm.Config.Spec.JointIndex("shoulder_pitch");
        beyond[elbow] = 5.0;
        beyond[pitch] = -5.0;
        var limits = beyond.Select((v, i) => Math.Clamp(v, _arm.Config.Joints[i].PositionLimitRad.Min, _arm.Config.Joints[i].PositionLimitRad.Max)).ToArray();
        using var sim = ServedArm.Simulate(episode);

        JointState state = null!;
        for (var t = 0; t < 60; t++)
        {
            sim.ControlStep(limits, [], []);
            state = await Client.StepAsync(beyond);
            // What was commanded beyond a limit drives the joint exactly as the limit itself would.
            Assert.Equal(sim.Data.qpos.ToArray(), state.Position);
        }

        // At the limit, give or take the few mrad a soft joint-limit constraint lets a driven joint press past it.
        Assert.InRange(state.Position[elbow], 2.4, 2.6 + 5e-3);
        Assert.InRange(state.Position[pitch], -1.8 - 5e-3, -1.5);
    }

    [Fact]
    public async Task Non_finite_and_wrong_size_commands_are_dropped_whole_counted_and_the_last_command_is_held()
    {
        var (episode, _) = await _arm.BeginAsync();
        var held = _arm.Home;
        held[0] = 0.5;
        using var sim = ServedArm.Simulate(episode);
        var diagnostics = Client.Diagnostics.Count;
        var nan = (double[])held.Clone();
        nan[3] = double.NaN;
        var infinite = (double[])held.Clone();
        infinite[5] = double.PositiveInfinity;
        double[][] commands = [held, held, nan, held, [0.1, 0.2, 0.3, 0.4, 0.5], infinite, [], held];

        foreach (var command in commands)
        {
            sim.ControlStep(held, [], []);
            var state = await Client.StepAsync(command);
            Assert.Equal(sim.Data.qpos.ToArray(), state.Position);
        }

        var drops = Client.Diagnostics.Snapshot()[diagnostics..].SelectMany(d => d.Status).Where(s => s.Name == Client.Status("commands")).ToArray();
        Assert.Equal(4, drops.Length);
        Assert.Contains("wrist_pitch", drops[0].Message, StringComparison.Ordinal);
        Assert.Contains("NaN", drops[0].Message, StringComparison.Ordinal);
        Assert.Contains("5 values for 6 joints", drops[1].Message, StringComparison.Ordinal);
        // The counts run from the robot's start: between the first drop and the last, one more NaN and two sizes.
        Assert.Equal(1, Count(drops[^1], "dropped_non_finite") - Count(drops[0], "dropped_non_finite"));
        Assert.Equal(2, Count(drops[^1], "dropped_wrong_size") - Count(drops[0], "dropped_wrong_size"));
    }

    [Fact]
    public async Task Zero_stiffness_gains_make_the_arm_a_damper_that_sags_under_gravity()
    {
        await _arm.BeginAsync();
        var pitch = _arm.Config.Spec.JointIndex("shoulder_pitch");
        var before = (await Client.StepAsync(_arm.Home)).Position[pitch];
        Client.Gains.Publish(new Float64MultiArray { Data = [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2] });
        JointState state = null!;
        for (var t = 0; t < 25; t++)
        {
            state = await Client.StepAsync(_arm.Home);
        }

        // Nothing holds the shoulder at its target any more; the damper only slows its fall.
        Assert.True(Math.Abs(state.Position[pitch] - before) > 0.05, $"shoulder moved {state.Position[pitch] - before:0.####} rad");
        Assert.True(Math.Abs(state.Velocity[pitch]) < _arm.Config.Joints[pitch].VelocityLimitRadS);
    }

    private static long Count(Ros.Messages.DiagnosticMsgs.DiagnosticStatus status, string key) =>
        long.Parse(status.Values.Single(v => v.Key == key).Value, System.Globalization.CultureInfo.InvariantCulture);
}
