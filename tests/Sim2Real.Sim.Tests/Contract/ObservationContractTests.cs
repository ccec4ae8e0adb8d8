using Sim2Real.Robotics.Actions;
using Sim2Real.Robotics.Geometry;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Sim.Tests.Contract;

/// <summary>
/// The simulator builds observations and joint targets only through the shared contract: the same joint readings
/// through the plain functions give bit-identical state vectors, and the same actions give the same targets.
/// </summary>
public class ObservationContractTests
{
    [Theory]
    [InlineData("arm6", "reach")]
    [InlineData("quad12", "walk")]
    public void Readings_taken_from_mujoco_through_the_plain_builder_give_the_environment_state_bit_for_bit(string robot, string task)
    {
        using var env = (RobotEnvironment)RobotEnvironments.Create(new EnvironmentOptions { Robot = robot, Task = task });
        var n = env.Robot.Joints.Count;
        var builder = new ObservationBuilder(ObservationLayout.Create(env.Layout.Fields, n), env.Robot.Spec);
        var random = new Random(3);
        var step = env.Reset(2);
        for (var t = 0; t < 30 && !step.IsLast; t++)
        {
            var inputs = ReadAsARobotWould(env, step);
            var state = new float[builder.Size];
            builder.Build(inputs, state);
            Assert.Equal(state, step.Observation.State);

            var action = Enumerable.Range(0, n).Select(_ => (float)((2 * random.NextDouble()) - 1)).ToArray();
            step = env.Step(action);
        }
    }

    [Fact]
    public void The_end_effector_in_the_observation_is_where_mujoco_puts_the_site()
    {
        using var env = (RobotEnvironment)RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach" });
        var step = env.Reset(4);
        step = env.Step([0.3f, 0.2f, -0.1f, 0.4f, 0f, 0f]);

        var observed = env.Layout.Slice(step.Observation.State, "end_effector").ToArray();
        // mj_step leaves site_xpos at the pose before its last integration; recompute it for the current qpos.
        env.Data.Forward();
        var site = env.Data.site_xpos.Slice(3 * env.Model.SiteId("ee"), 3).ToArray();

        for (var k = 0; k < 3; k++)
        {
            Assert.Equal((float)site[k], observed[k], 6);
        }
    }

    [Fact]
    public void The_simulator_commands_exactly_the_targets_of_the_shared_action_mapping()
    {
        using var env = (RobotEnvironment)RobotEnvironments.Create(new EnvironmentOptions { Robot = "arm6", Task = "reach", ActionRepeat = 1 });
        var mapper = new ActionMapper(env.Robot.Spec, "reference");
        mapper.Reset(env.Robot.Spec.Home());
        env.Reset(1);
        var targets = new double[6];
        var random = new Random(9);
        for (var t = 0; t < 20; t++)
        {
            var action = Enumerable.Range(0, 6).Select(_ => (float)((3 * random.NextDouble()) - 1.5)).ToArray();
            env.Step(action);
            mapper.Map(action, new float[6], targets);
            Assert.Equal(targets, env.Data.ctrl.ToArray());
        }
    }

    // What a real robot's drivers would deliver: joint_states, odometry, the task command. No sensor noise here
    // (randomization is off), so the readings are MuJoCo's state itself.
    private static ObservationInputs ReadAsARobotWould(RobotEnvironment env, TimeStep step)
    {
        var model = env.Model;
        var data = env.Data;
        var spec = env.Robot.Spec;
        var n = spec.Joints.Count;
        var inputs = new ObservationInputs(n);
        for (var i = 0; i < n; i++)
        {
            var j = model.JointId(spec.Joints[i].Name);
            inputs.JointPositions[i] = data.qpos[model.jnt_qposadr[j]];
            inputs.JointVelocities[i] = data.qvel[model.jnt_dofadr[j]];
        }

        // The previous commanded action is the one the state vector itself reports back.
        env.Layout.Slice(step.Observation.State, "previous_action").CopyTo(inputs.PreviousAction);
        if (spec.FloatingBase)
        {
            var root = model.JointId("root");
            var q = model.jnt_qposadr[root];
            var v = model.jnt_dofadr[root];
            inputs.Base = new BaseState(
                new Pose(Vec3.From(data.qpos.Slice(q, 3)), Quat.From(data.qpos.Slice(q + 3, 4)).Normalized()),
                Vec3.From(data.qvel.Slice(v, 3)),
                Vec3.From(data.qvel.Slice(v + 3, 3)));
            env.Layout.Slice(step.Observation.State, "velocity_command").ToArray().Select(c => (double)c).ToArray().CopyTo(inputs.VelocityCommand, 0);
        }
        else
        {
            data.mocap_pos.Slice(3 * model.body_mocapid[model.BodyId("target")], 3).CopyTo(inputs.Target);
        }

        return inputs;
    }
}
