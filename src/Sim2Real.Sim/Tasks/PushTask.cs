using Sim2Real.Core;
using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Bindings;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Sim.Tasks;

/// <summary>
/// Slide the block onto the goal disc. Dense reward: minus half the hand-to-block distance, minus the block-to-goal
/// distance on the floor plane, plus 1 while the block is within the success radius. Never terminates early.
/// </summary>
internal sealed class PushTask : ITask
{
    private readonly PushTaskOptions _options;
    private readonly int _site;
    private readonly int _mocap;
    private readonly int _blockQpos;
    private readonly int _blockDof;
    private readonly double[] _goal = new double[3];

    public PushTask(MjModel model, RobotConfig robot, PushTaskOptions options)
    {
        _options = options;
        var site = robot.EndEffectorSite
            ?? throw new InvalidConfigException(robot.Source, "end_effector_site", $"task 'push' needs an end effector; robot '{robot.Name}' names none");
        _site = model.SiteId(site);
        _mocap = model.body_mocapid[model.BodyId("target")];
        var block = model.JointId("block");
        if (_mocap < 0 || model.jnt_type[block] != 0)
        {
            throw new InvalidConfigException(model.Source, "block", "task 'push' needs a free joint 'block' and a mocap body 'target'");
        }

        _blockQpos = model.jnt_qposadr[block];
        _blockDof = model.jnt_dofadr[block];
    }

    public int EpisodeControlSteps => _options.EpisodeControlSteps;

    // The block's state has no sensor on a real robot: push is a simulator-only task.
    public IReadOnlyList<ObservationField> Layout { get; } = ObservationLayouts.WithTaskState(15);

    public int TaskStateSize => 15;

    public void Reset(MjData data, Random random)
    {
        var qpos = data.qpos;
        var x = Randomization.FactorSampler.Uniform(random, _options.BlockXM);
        var y = Randomization.FactorSampler.Uniform(random, _options.BlockYM);
        qpos[_blockQpos] = x;
        qpos[_blockQpos + 1] = y;
        var angle = 2 * Math.PI * random.NextDouble();
        var reach = Randomization.FactorSampler.Uniform(random, _options.GoalDistanceM);
        _goal[0] = Math.Clamp(x + (reach * Math.Cos(angle)), 0.2, 0.6);
        _goal[1] = Math.Clamp(y + (reach * Math.Sin(angle)), -0.3, 0.3);
        _goal[2] = 0.001;
        _goal.CopyTo(data.mocap_pos.Slice(3 * _mocap, 3));
    }

    public void WriteInputs(MjData data, ObservationInputs inputs)
    {
        var observation = inputs.TaskState;
        var ee = data.site_xpos.Slice(3 * _site, 3);
        var block = data.qpos.Slice(_blockQpos, 3);
        var velocity = data.qvel.Slice(_blockDof, 3);
        for (var k = 0; k < 3; k++)
        {
            observation[k] = (float)ee[k];
            observation[3 + k] = (float)block[k];
            observation[6 + k] = (float)(block[k] - ee[k]);
            observation[9 + k] = (float)(_goal[k] - block[k]);
            observation[12 + k] = (float)velocity[k];
        }
    }

    public TaskOutcome Evaluate(MjData data, in StepContext context)
    {
        var block = data.qpos.Slice(_blockQpos, 3);
        var reachDistance = ReachGoal.Distance(data.site_xpos.Slice(3 * _site, 3), block);
        var goalDistance = Math.Sqrt(Math.Pow(block[0] - _goal[0], 2) + Math.Pow(block[1] - _goal[1], 2));
        var success = goalDistance < _options.SuccessRadiusM;
        var reward = (-0.5 * reachDistance) - goalDistance + (success ? 1 : 0);
        var metrics = new Dictionary<string, double> { ["distance_m"] = goalDistance, ["hand_to_block_m"] = reachDistance };
        return new TaskOutcome(reward, false, success, metrics);
    }
}
