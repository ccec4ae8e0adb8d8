using Sim2Real.Core;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tasks;

/// <summary>
/// Move the end effector to a target sphere sampled in the workspace each episode. Dense reward per control step:
/// minus the distance in metres, plus 1 - tanh(distance / success radius), plus 1 while within the success radius.
/// Never terminates early.
/// </summary>
internal sealed class ReachTask : ITask
{
    private readonly ReachTaskOptions _options;
    private readonly int _site;
    private readonly int _mocap;
    private readonly int[] _qposAdr;
    private readonly double[] _target = new double[3];

    public ReachTask(MjModel model, RobotConfig robot, ReachTaskOptions options)
    {
        _options = options;
        var site = robot.EndEffectorSite
            ?? throw new InvalidConfigException(robot.Source, "end_effector_site", $"task 'reach' needs an end effector; robot '{robot.Name}' names none");
        _site = model.SiteId(site);
        _mocap = model.body_mocapid[model.BodyId("target")];
        if (_mocap < 0)
        {
            throw new InvalidConfigException(model.Source, "target", "task 'reach' needs a mocap body named 'target'");
        }

        _qposAdr = robot.Joints.Select(j => model.jnt_qposadr[model.JointId(j.Name)]).ToArray();
    }

    public int EpisodeControlSteps => _options.EpisodeControlSteps;

    public IReadOnlyList<ObservationField> Layout => ObservationLayouts.Reach;

    public int TaskStateSize => 0;

    /// <summary>This episode's target, world frame (m).</summary>
    public IReadOnlyList<double> Target => _target;

    public void Reset(MjData data, Random random)
    {
        var qpos = data.qpos;
        foreach (var adr in _qposAdr)
        {
            qpos[adr] += _options.InitialJointNoiseRad * ((2 * random.NextDouble()) - 1);
        }

        _target[0] = Sample(random, _options.TargetXM);
        _target[1] = Sample(random, _options.TargetYM);
        _target[2] = Sample(random, _options.TargetZM);
        _target.CopyTo(data.mocap_pos.Slice(3 * _mocap, 3));
    }

    public void WriteInputs(MjData data, ObservationInputs inputs) => _target.CopyTo(inputs.Target, 0);

    public TaskOutcome Evaluate(MjData data, in StepContext context)
    {
        var distance = Distance(data.site_xpos.Slice(3 * _site, 3), _target);
        var success = distance < _options.SuccessRadiusM;
        var proximity = 1 - Math.Tanh(distance / _options.SuccessRadiusM);
        var reward = -distance + (_options.ProximityWeight * proximity) + (success ? _options.SuccessBonus : 0);
        return new TaskOutcome(reward, false, success, new Dictionary<string, double> { ["distance_m"] = distance });
    }

    internal static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
        return Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
    }

    internal static double Sample(Random random, Interval range) => range.Min + (range.Width * random.NextDouble());
}
