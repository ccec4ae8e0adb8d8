using Sim2Real.Core;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Randomization;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tasks;

/// <summary>
/// What reach and reach_payload share, after <see cref="ReachTaskOptions"/>: the end effector site, the target shown
/// by the mocap body <c>target</c>, the noisy start pose, the target draw and the reward, minus the distance in metres,
/// plus the weighted proximity term, plus the bonus while within the success radius.
/// </summary>
internal sealed class ReachGoal
{
    private readonly ReachTaskOptions _options;
    private readonly int _site;
    private readonly int _mocap;
    private readonly int[] _qposAdr;
    private readonly double[] _target = new double[3];

    /// <param name="task">The task's name, for the errors.</param>
    public ReachGoal(MjModel model, RobotConfig robot, ReachTaskOptions options, string task)
    {
        _options = options;
        var site = robot.EndEffectorSite
            ?? throw new InvalidConfigException(robot.Source, "end_effector_site", $"task '{task}' needs an end effector; robot '{robot.Name}' names none");
        _site = model.SiteId(site);
        _mocap = model.body_mocapid[model.BodyId("target")];
        if (_mocap < 0)
        {
            throw new InvalidConfigException(model.Source, "target", $"task '{task}' needs a mocap body named 'target'");
        }

        _qposAdr = robot.Joints.Select(j => model.jnt_qposadr[model.JointId(j.Name)]).ToArray();
    }

    /// <summary>The current target, world frame (m).</summary>
    public IReadOnlyList<double> Target => _target;

    /// <summary>Moves each joint of the start pose by uniform noise of <see cref="ReachTaskOptions.InitialJointNoiseRad"/>.</summary>
    public void PerturbStart(MjData data, Random random)
    {
        var qpos = data.qpos;
        foreach (var adr in _qposAdr)
        {
            qpos[adr] += _options.InitialJointNoiseRad * ((2 * random.NextDouble()) - 1);
        }
    }

    /// <summary>Draws a target in the ranges and moves the mocap body there.</summary>
    public void NewTarget(MjData data, Random random)
    {
        _target[0] = FactorSampler.Uniform(random, _options.TargetXM);
        _target[1] = FactorSampler.Uniform(random, _options.TargetYM);
        _target[2] = FactorSampler.Uniform(random, _options.TargetZM);
        _target.CopyTo(data.mocap_pos.Slice(3 * _mocap, 3));
    }

    public void WriteTarget(double[] destination) => _target.CopyTo(destination, 0);

    /// <summary>The end effector's distance to the target now, whether it is within the success radius, and the reward.</summary>
    public (double Distance, bool Success, double Reward) Score(MjData data)
    {
        var distance = Distance(data.site_xpos.Slice(3 * _site, 3), _target);
        var success = distance < _options.SuccessRadiusM;
        var proximity = 1 - Math.Tanh(distance / _options.ProximityScale);
        var reward = -distance + (_options.ProximityWeight * proximity) + (success ? _options.SuccessBonus : 0);
        return (distance, success, reward);
    }

    internal static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
        return Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
    }
}
