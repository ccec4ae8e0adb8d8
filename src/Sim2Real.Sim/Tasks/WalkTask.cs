using Sim2Real.Core;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tasks;

/// <summary>
/// Track a commanded forward, sideways and turning velocity (legged_gym's reward shape): exponential tracking
/// terms for planar velocity and yaw rate, with penalties for bouncing, rocking, torque and jerky actions.
/// Terminates when the torso falls or tips over. Task observation: command (3), base linear velocity in the body
/// frame (3), base angular velocity (3), gravity in the body frame (3), torso height (1).
/// </summary>
internal sealed class WalkTask : ITask
{
    private readonly WalkTaskOptions _options;
    private readonly int _torso;
    private readonly int _rootQpos;
    private readonly int _rootDof;
    private readonly double[] _command = new double[3];

    public WalkTask(MjModel model, RobotConfig robot, WalkTaskOptions options)
    {
        _options = options;
        _torso = model.BodyId("torso");
        var root = model.body_jntadr[_torso];
        if (root < 0 || model.jnt_type[root] != 0)
        {
            throw new InvalidConfigException(robot.Source, "model", $"task 'walk' needs a floating base: robot '{robot.Name}' has no free joint on body 'torso'");
        }

        _rootQpos = model.jnt_qposadr[root];
        _rootDof = model.jnt_dofadr[root];
    }

    public int EpisodeControlSteps => _options.EpisodeControlSteps;

    public IReadOnlyList<ObservationField> Layout => ObservationLayouts.Walk;

    public int TaskStateSize => 0;

    public IReadOnlyList<double> Command => _command;

    /// <summary>Replaces the episode's sampled command (forward, sideways, yaw rate), as a teleop's /cmd_vel does.</summary>
    public void SetCommand(double vx, double vy, double yawRate)
    {
        _command[0] = vx;
        _command[1] = vy;
        _command[2] = yawRate;
    }

    public void Reset(MjData data, Random random)
    {
        _command[0] = Randomization.FactorSampler.Uniform(random, _options.CommandVxMS);
        _command[1] = Randomization.FactorSampler.Uniform(random, _options.CommandVyMS);
        _command[2] = Randomization.FactorSampler.Uniform(random, _options.CommandYawRateRadS);
        // A random heading, so walking "forward" is not always along world x.
        var yaw = 2 * Math.PI * random.NextDouble();
        var quat = data.qpos.Slice(_rootQpos + 3, 4);
        quat[0] = Math.Cos(yaw / 2);
        quat[1] = 0;
        quat[2] = 0;
        quat[3] = Math.Sin(yaw / 2);
    }

    public void WriteInputs(MjData data, ObservationInputs inputs) => _command.CopyTo(inputs.VelocityCommand, 0);

    public TaskOutcome Evaluate(MjData data, in StepContext context)
    {
        Span<double> v = stackalloc double[3];
        Span<double> g = stackalloc double[3];
        BodyFrame(data, v, g);
        var angular = data.qvel.Slice(_rootDof + 3, 3);
        double ex = v[0] - _command[0], ey = v[1] - _command[1], ew = angular[2] - _command[2];
        var planarError2 = (ex * ex) + (ey * ey);

        var torque = 0.0;
        foreach (var f in data.actuator_force)
        {
            torque += f * f;
        }

        var jerk = 0.0;
        for (var i = 0; i < context.Action.Length; i++)
        {
            var d = context.Action[i] - context.PreviousAction[i];
            jerk += d * d;
        }

        var reward = Math.Exp(-planarError2 / 0.25)
            + (0.5 * Math.Exp(-(ew * ew) / 0.25))
            - (2.0 * v[2] * v[2])
            - (0.05 * ((angular[0] * angular[0]) + (angular[1] * angular[1])))
            - (2e-4 * torque)
            - (0.01 * jerk);

        var height = data.qpos[_rootQpos + 2];
        var upright = -g[2];
        var fell = height < _options.MinTorsoHeightM || upright < _options.MinUprightCos;
        var speedError = Math.Sqrt(planarError2);
        var metrics = new Dictionary<string, double>
        {
            ["speed_error_m_s"] = speedError,
            ["yaw_rate_error_rad_s"] = Math.Abs(ew),
            ["torso_height_m"] = height,
            ["command_vx_m_s"] = _command[0],
        };
        return new TaskOutcome(fell ? reward - 10 : reward, fell, !fell && speedError < _options.SuccessSpeedErrorMS, metrics);
    }

    // Base linear velocity and world gravity direction, both expressed in the torso frame.
    private void BodyFrame(MjData data, Span<double> velocity, Span<double> gravity)
    {
        var r = data.xmat.Slice(9 * _torso, 9);
        var world = data.qvel.Slice(_rootDof, 3);
        for (var k = 0; k < 3; k++)
        {
            // R is row-major body-to-world; its transpose maps world to body: column k dotted with the vector.
            velocity[k] = (r[k] * world[0]) + (r[3 + k] * world[1]) + (r[6 + k] * world[2]);
            gravity[k] = -r[6 + k];
        }
    }
}
