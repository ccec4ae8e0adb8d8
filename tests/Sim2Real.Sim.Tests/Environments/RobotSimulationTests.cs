using Sim2Real.Core;
using Sim2Real.Robotics.Actions;
using Sim2Real.Robotics.Geometry;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Tests.Environments;

/// <summary>The simulation core the learning environment and the served robot share, driven by joint targets.</summary>
public class RobotSimulationTests
{
    [Theory]
    [InlineData("arm6", "reach", "nominal")]
    [InlineData("quad12", "walk", "randomized")]
    [InlineData("arm6", "reach", "real_like")]
    public void The_learning_environment_is_the_core_driven_by_the_shared_action_mapping(string robot, string task, string world)
    {
        var options = new EnvironmentOptions { Robot = robot, Task = task, World = world, ActionRepeat = 1 };
        using var env = (RobotEnvironment)RobotEnvironments.Create(options);
        using var sim = RobotEnvironments.CreateSimulation(options);
        var seed = EpisodeSeeds.World(7, 3);
        env.Reset(seed);
        sim.StartEpisode(seed);
        var mapper = new ActionMapper(sim.Robot.Spec, "test");
        var targets = new double[sim.JointCount];
        var commanded = new float[sim.JointCount];
        var random = new Random(1);
        var (q, v) = (new double[sim.JointCount], new double[sim.JointCount]);
        // Readings draw observation noise from the stream pushes draw from, so read as the environment does.
        sim.ReadJoints(q, v);

        for (var t = 0; t < 30; t++)
        {
            var action = Enumerable.Range(0, sim.JointCount).Select(_ => (float)((2 * random.NextDouble()) - 1)).ToArray();
            env.Step(action);
            mapper.Map(action, commanded, targets);
            // Physics step by physics step, as a controller updating at the physics rate drives it.
            for (var s = 0; s < sim.PhysicsStepsPerControl; s++)
            {
                sim.StepPhysics(targets);
            }

            sim.ReadJoints(q, v);
            Assert.Equal(env.Data.qpos.ToArray(), sim.Data.qpos.ToArray());
            Assert.Equal(env.Data.qvel.ToArray(), sim.Data.qvel.ToArray());
        }
    }

    [Fact]
    public void Zero_stiffness_gains_leave_a_damper_that_lets_the_arm_sag_slowly()
    {
        using var held = RobotEnvironments.CreateSimulation(new EnvironmentOptions { Robot = "arm6", Task = "reach" });
        using var damped = RobotEnvironments.CreateSimulation(new EnvironmentOptions { Robot = "arm6", Task = "reach" });
        held.StartEpisode(1);
        damped.StartEpisode(1);
        var home = held.Robot.Spec.Home();
        damped.SetGains(new double[6], Enumerable.Repeat(2.0, 6).ToArray());
        var pitch = held.Model.jnt_qposadr[held.Model.JointId("shoulder_pitch")];
        var start = damped.Data.qpos[pitch];
        double fastest = 0;
        for (var t = 0; t < 25; t++)
        {
            held.ControlStep(home, [], []);
            damped.ControlStep(home, [], []);
            fastest = Math.Max(fastest, Math.Abs(damped.Data.qvel[damped.Model.jnt_dofadr[damped.Model.JointId("shoulder_pitch")]]));
        }

        // With kp 0 nothing pulls the shoulder back: gravity moves it, and the damper keeps it slow.
        Assert.True(Math.Abs(damped.Data.qpos[pitch] - start) > 0.05, $"moved {damped.Data.qpos[pitch] - start:0.####} rad");
        Assert.True(Math.Abs(held.Data.qpos[pitch] - home[1]) < 0.05, $"held arm off by {held.Data.qpos[pitch] - home[1]:0.####} rad");
        Assert.True(fastest < held.Robot.Joints[1].VelocityLimitRadS, $"fastest {fastest:0.##} rad/s");
    }

    [Fact]
    public void Gains_set_once_hold_across_episodes()
    {
        using var sim = RobotEnvironments.CreateSimulation(new EnvironmentOptions { Robot = "arm6", Task = "reach" });
        sim.StartEpisode(1);
        sim.SetGains(Enumerable.Repeat(10.0, 6).ToArray(), Enumerable.Repeat(1.0, 6).ToArray());
        sim.StartEpisode(2);

        Assert.Equal(10.0, sim.Model.actuator_gainprm[0], 12);
        Assert.Equal(-1.0, sim.Model.actuator_biasprm[2], 12);
    }

    [Fact]
    public void A_commanded_push_moves_the_torso_along_its_direction()
    {
        double Drift(double force)
        {
            using var sim = RobotEnvironments.CreateSimulation(new EnvironmentOptions { Robot = "quad12", Task = "walk" });
            sim.StartEpisode(3);
            var root = sim.Model.jnt_qposadr[sim.Model.JointId("root")];
            var y0 = sim.Data.qpos[root + 1];
            sim.SetCommandedPush(new Vec3(0, force, 0));
            for (var t = 0; t < 5; t++)
            {
                sim.ControlStep(sim.Robot.Spec.Home(), [], []);
            }

            return sim.Data.qpos[root + 1] - y0;
        }

        using (var quad = RobotEnvironments.CreateSimulation(new EnvironmentOptions { Robot = "quad12", Task = "walk" }))
        {
            Assert.Equal("torso", quad.PushBody);
        }

        Assert.True(Drift(80) > Math.Abs(Drift(0)) + 0.01, $"pushed {Drift(80):0.####} m, unpushed {Drift(0):0.####} m");
    }
}
