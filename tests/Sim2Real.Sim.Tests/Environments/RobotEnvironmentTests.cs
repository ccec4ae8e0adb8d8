using Sim2Real.Core;
using Sim2Real.Robotics.Actions;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Tests.Environments;

public class RobotEnvironmentTests
{
    [Fact]
    public void Reach_specs_describe_the_observation_and_a_normalized_action()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach" });

        Assert.Equal(new[] { 6 }, env.ActionSpec.Shape);
        Assert.Equal((-1.0, 1.0), (env.ActionSpec.Minimum, env.ActionSpec.Maximum));
        Assert.Equal(new[] { "state", "env_factors" }, env.ObservationSpec.Select(s => s.Name));
        Assert.Equal(["joint_pos", "joint_vel", "previous_action", "target", "end_effector", "target_minus_end_effector"], env.Layout.Fields.Select(f => f.Name));

        var first = env.Reset(seed: 3);
        Assert.True(first.IsFirst);
        Assert.Equal(env.ObservationSpec[0].Size, first.Observation.State.Length);
        Assert.Equal(env.ObservationSpec[1].Size, first.Observation.Privileged!.Length);
        Assert.Null(first.Frame);
    }

    [Fact]
    public void Reach_episode_is_truncated_by_the_time_limit_with_discount_one()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", ActionRepeat = 2 });
        env.Reset(1);
        var zero = new float[6];

        var steps = new List<TimeStep>();
        do
        {
            steps.Add(env.Step(zero));
        }
        while (!steps[^1].IsLast);

        Assert.Equal(50, steps.Count);
        Assert.True(steps[^1].Truncated);
        Assert.False(steps[^1].Terminated);
        Assert.Equal(1.0, steps[^1].Discount);
        Assert.Equal(100, steps[^1].Info.ControlStep);
        Assert.True(env.Step(zero).IsFirst, "stepping after the last step starts the next episode");
    }

    [Fact]
    public void Reach_reward_is_minus_distance_plus_proximity_plus_bonus_when_the_hand_is_at_the_target()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions
        {
            Robot = "arm6",
            Task = "reach",
            ActionRepeat = 1,
            ReachTask = new() { TargetXM = new Interval(0.325, 0.325), TargetYM = new Interval(0, 0), TargetZM = new Interval(0.25, 0.25), InitialJointNoiseRad = 0 },
        });
        env.Reset(1);

        TimeStep step = null!;
        for (var i = 0; i < 40; i++)
        {
            step = env.Step(new float[6]);
        }

        // Holding home puts the end effector at about (0.325, 0, 0.25): on the target.
        var distance = step.Info.Metrics["distance_m"];
        Assert.True(distance < 0.05, $"distance {distance}");
        Assert.True(step.Info.Success);
        Assert.Equal(-distance + (1 - Math.Tanh(distance / 0.05)) + 1, step.Reward, 6);
    }

    [Fact]
    public void Non_finite_action_is_refused_naming_the_actuator_before_anything_moves()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach" });
        env.Reset(2);

        var error = Assert.Throws<NonFiniteActionException>(() => env.Step(new[] { 0f, 0f, float.NaN, 0f, 0f, 0f }));

        Assert.Equal("elbow", error.Actuator);
        Assert.Contains("action[2]", error.Message, StringComparison.Ordinal);
        Assert.Throws<NonFiniteActionException>(() => env.Step(new[] { float.PositiveInfinity, 0f, 0f, 0f, 0f, 0f }));
        var after = env.Step(new float[6]);
        Assert.Equal(2, after.Info.ControlStep);
    }

    [Fact]
    public void Wrong_length_action_is_refused_listing_the_actuators()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "quad12", Task = "walk" });
        env.Reset(0);

        var error = Assert.Throws<ArgumentException>(() => env.Step(new float[6]));

        Assert.Contains("12 actuators", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_task_for_a_robot_is_refused_with_the_tasks_it_offers()
    {
        var error = Assert.Throws<InvalidConfigException>(() => RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "walk" }));

        Assert.Contains("no task 'walk'", error.Message, StringComparison.Ordinal);
        Assert.Contains("reach, push", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_body_in_randomization_is_refused_naming_it()
    {
        var ranges = new Sim2Real.Sim.Randomization.RandomizationConfig
        {
            Physics = new() { Bodies = ["gripper"], MassScale = new Interval(0.9, 1.1) },
        };

        var error = Assert.Throws<Sim2Real.Sim.Bindings.MjNameNotFoundException>(() => RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", Randomize = true, Randomization = ranges }));

        Assert.Equal("gripper", error.Name);
        Assert.Contains("no body named 'gripper'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_seed_gives_the_same_episode_and_a_different_seed_does_not()
    {
        static List<float> Run(int seed)
        {
            using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "quad12", Task = "walk", Randomize = true });
            var step = env.Reset(seed);
            var trace = new List<float>(step.Observation.Privileged!);
            var random = new Random(seed);
            for (var i = 0; i < 20; i++)
            {
                var action = Enumerable.Range(0, 12).Select(_ => (float)((2 * random.NextDouble()) - 1)).ToArray();
                step = env.Step(action);
                trace.AddRange(step.Observation.State);
                trace.Add((float)step.Reward);
            }

            return trace;
        }

        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
    }

    [Fact]
    public void Walk_terminates_with_discount_zero_when_the_torso_drops_below_the_minimum_height()
    {
        // The robot stands at about 0.27 m; crouching (thighs forward, knees bent) takes it under 0.25 m.
        using var env = RobotEnvironments.Create(new EnvironmentOptions
        {
            Robot = "quad12",
            Task = "walk",
            ActionRepeat = 5,
            WalkTask = new() { MinTorsoHeightM = 0.25 },
        });
        env.Reset(4);

        var crouch = Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? 0f : 1f).ToArray();
        crouch = crouch.Select((a, i) => i % 3 == 2 ? -1f : a).ToArray();
        var steps = new List<TimeStep>();
        do
        {
            steps.Add(env.Step(crouch));
        }
        while (!steps[^1].IsLast && steps.Count < 100);

        Assert.True(steps[^1].Terminated, $"torso height {steps[^1].Info.Metrics["torso_height_m"]}");
        Assert.False(steps[^1].Truncated);
        Assert.Equal(0.0, steps[^1].Discount);
        Assert.All(steps.SkipLast(1), s => Assert.Equal(1.0, s.Discount));
    }
}
