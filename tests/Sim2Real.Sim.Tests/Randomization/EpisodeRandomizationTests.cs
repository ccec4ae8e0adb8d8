using Sim2Real.Core;
using Sim2Real.Sim.Environments;
using Sim2Real.Sim.Randomization;

namespace Sim2Real.Sim.Tests.Randomization;

/// <summary>The per-step knobs (latency, pushes, observation noise) and e_t, seen through the environment.</summary>
public class EpisodeRandomizationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Latency_delays_the_actuator_target_by_k_control_steps(int latency)
    {
        var ranges = new RandomizationConfig { Physics = new() { LatencySteps = new Interval(latency, latency) } };
        using var env = (RobotEnvironment)RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", ActionRepeat = 1, Randomize = true, Randomization = ranges });
        var first = env.Reset(1);
        var elbow = env.Model.ActuatorId("elbow");
        var home = env.Data.ctrl[elbow];
        var robot = Sim2Real.Sim.Robots.RobotCatalog.Discover().Load("arm6");
        var scale = robot.Joints[elbow].ActionScaleRad;
        // The action mapping's rate limit: the target moves at most velocity limit x control period per step.
        var maxStep = robot.Joints[elbow].VelocityLimitRadS * robot.Control.PeriodS;
        Assert.Equal(latency, first.Info.Factors.LatencySteps);

        var action = new float[6];
        action[elbow] = 0.5f;
        var applied = new List<double>();
        for (var t = 0; t < 5; t++)
        {
            env.Step(action);
            applied.Add(env.Data.ctrl[elbow]);
        }

        for (var t = 0; t < 5; t++)
        {
            Assert.Equal(t < latency ? home : home + Math.Min((t - latency + 1) * maxStep, 0.5 * scale), applied[t], 9);
        }
    }

    [Fact]
    public void Pushes_shove_the_torso_sideways()
    {
        double Drift(double probability)
        {
            var ranges = new RandomizationConfig
            {
                Physics = new() { Push = new() { Body = "torso", ProbabilityPerStep = probability, ForceN = new Interval(60, 60), DurationSteps = 5 } },
            };
            using var env = (RobotEnvironment)RobotEnvironments.Create(new EnvironmentOptions { Robot = "quad12", Task = "walk", ActionRepeat = 5, Randomize = true, Randomization = ranges });
            env.Reset(2);
            var root = env.Model.jnt_qposadr[env.Model.JointId("root")];
            double x0 = env.Data.qpos[root], y0 = env.Data.qpos[root + 1];
            env.Step(new float[12]);
            return Math.Sqrt(Math.Pow(env.Data.qpos[root] - x0, 2) + Math.Pow(env.Data.qpos[root + 1] - y0, 2));
        }

        var pushed = Drift(1.0);
        var still = Drift(0.0);
        Assert.True(pushed > 3 * still + 0.01, $"pushed {pushed:0.####} m vs {still:0.####} m");
    }

    [Fact]
    public void Observation_noise_perturbs_joint_readings_by_about_the_configured_deviation()
    {
        var ranges = new RandomizationConfig { Physics = new() { JointPositionNoiseRad = 0.02, JointVelocityNoiseRadS = 0 } };
        using var env = (RobotEnvironment)RobotEnvironments.Create(new EnvironmentOptions { Robot = "quad12", Task = "walk", Randomize = true, Randomization = ranges });
        env.Reset(3);

        var errors = new List<double>();
        for (var t = 0; t < 20; t++)
        {
            var proprio = env.Step(new float[12]).Observation.State[..36];
            for (var i = 0; i < 12; i++)
            {
                var joint = env.Model.jnt_qposadr[env.Model.JointId(env.Model.Names(Sim2Real.Sim.Bindings.MjtObj.mjOBJ_ACTUATOR)[i])];
                var truth = env.Data.qpos[joint] - env.Model.key_ctrl[i];
                errors.Add(proprio[i] - truth);
            }
        }

        var std = Math.Sqrt(errors.Average(e => e * e));
        Assert.InRange(std, 0.015, 0.025);
    }

    [Fact]
    public void Sampled_factors_appear_in_the_observation_and_the_step_info_within_their_ranges()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "quad12", Task = "walk", Randomize = true });
        var robot = Sim2Real.Sim.Robots.RobotCatalog.Discover().Load("quad12").Randomization.Physics;

        var step = env.Reset(8);
        var factors = step.Info.Factors;

        Assert.Equal(factors.ToVector(), step.Observation.Privileged);
        Assert.Equal(factors.Names().Count, factors.ToVector().Length);
        Assert.InRange(factors.FrictionScale, robot.FrictionScale.Min, robot.FrictionScale.Max);
        Assert.InRange(factors.MassScales[0], robot.MassScale.Min, robot.MassScale.Max);
        Assert.All(factors.MotorStrengths, s => Assert.InRange(s, robot.MotorStrengthScale.Min, robot.MotorStrengthScale.Max));
        Assert.NotEqual(1.0, factors.FrictionScale);
        Assert.Equal(factors.ToVector(), env.Step(new float[12]).Info.Factors.ToVector());
    }

    [Fact]
    public void Without_randomization_the_factors_are_nominal()
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach" });

        var factors = env.Reset(8).Info.Factors;

        Assert.Equal(1.0, factors.FrictionScale);
        Assert.All(factors.MassScales, m => Assert.Equal(1.0, m));
        Assert.Equal(0, factors.LatencySteps);
    }
}
