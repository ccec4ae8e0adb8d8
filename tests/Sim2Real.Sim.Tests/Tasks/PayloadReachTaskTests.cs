using Sim2Real.Core;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Tasks;

namespace Sim2Real.Sim.Tests.Tasks;

public class PayloadReachTaskTests
{
    private static RobotEnvironment Create(PayloadReachTaskOptions task, string world = "rma_training") =>
        (RobotEnvironment)RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach_payload", World = world, PayloadReachTask = task });

    private static float[] Hold => new float[6];

    [Fact]
    public void The_payload_adds_its_mass_to_the_hand_and_is_reported_with_the_torques()
    {
        using var light = Create(new PayloadReachTaskOptions { PayloadKg = new Interval(0, 0) }, "nominal");
        using var heavy = Create(new PayloadReachTaskOptions { PayloadKg = new Interval(1.5, 1.5) }, "nominal");
        var hand = light.Model.BodyId("hand");
        light.Reset(3);
        var step = heavy.Reset(3);

        Assert.Equal(light.Model.body_mass[hand] + 1.5, heavy.Model.body_mass[hand], 12);
        Assert.Equal(1.5, step.Info.Metrics["payload_kg"]);
        step = heavy.Step(Hold);
        Assert.True(step.Info.Metrics["torque_nm"] > 0, "a loaded arm holding its pose must exert torque");
        Assert.True(step.Info.Metrics.ContainsKey("torque_change_nm"));
    }

    [Fact]
    public void Episodes_last_six_seconds_with_a_new_target_every_two()
    {
        using var env = Create(new PayloadReachTaskOptions());
        var step = env.Reset(1);
        var targets = new List<float[]> { step.Observation.State[18..21] };
        var steps = 0;
        while (!step.IsLast)
        {
            step = env.Step(Hold);
            steps++;
            if (!step.Observation.State[18..21].SequenceEqual(targets[^1]))
            {
                targets.Add(step.Observation.State[18..21]);
                Assert.Equal(0, step.Info.ControlStep % 100);
            }
        }

        Assert.Equal(150, steps);
        Assert.Equal(300, step.Info.ControlStep);
        Assert.Equal(3, targets.Count);
    }

    [Fact]
    public void The_same_joint_targets_sag_further_under_a_heavier_payload()
    {
        double FinalHeight(double kg)
        {
            using var env = Create(new PayloadReachTaskOptions { PayloadKg = new Interval(kg, kg) }, "nominal");
            var step = env.Reset(2);
            for (var i = 0; i < 50; i++)
            {
                step = env.Step(Hold);
            }

            return step.Observation.State[23];
        }

        Assert.True(FinalHeight(0) - FinalHeight(2) > 0.01, "2 kg at the hand must sag the PD-held arm by more than the 2 cm success radius allows for half of it");
    }

    [Fact]
    public void A_scripted_jump_changes_the_payload_at_its_control_step()
    {
        using var env = Create(new PayloadReachTaskOptions { PayloadKg = new Interval(0.5, 0.5), PayloadJumpStep = 150, PayloadJumpKg = 2 });
        var step = env.Reset(4);
        while (step.Info.ControlStep < 148)
        {
            step = env.Step(Hold);
        }

        Assert.Equal(0.5, step.Info.Metrics["payload_kg"]);
        step = env.Step(Hold);
        Assert.Equal(2, step.Info.Metrics["payload_kg"]);
    }

    [Fact]
    public void Mid_episode_resampling_draws_the_same_payloads_for_the_same_seed()
    {
        List<double> Payloads()
        {
            using var env = Create(new PayloadReachTaskOptions { PayloadResampleProbability = 0.5 });
            var step = env.Reset(9);
            var payloads = new List<double>();
            for (var i = 0; i < 20; i++)
            {
                step = env.Step(Hold);
                payloads.Add(step.Info.Metrics["payload_kg"]);
            }

            return payloads;
        }

        var first = Payloads();
        Assert.Equal(first, Payloads());
        Assert.True(first.Distinct().Count() > 3, "with probability 0.5 per control step the payload must change several times in 40 steps");
    }

    [Fact]
    public void A_resampling_probability_outside_zero_to_one_is_refused_naming_the_field()
    {
        var e = Assert.Throws<InvalidConfigException>(() => new EnvironmentOptions { PayloadReachTask = new PayloadReachTaskOptions { PayloadResampleProbability = 1.5 } }.Validate());
        Assert.Equal("reach_payload.payload_resample_probability", e.Field);
    }
}
