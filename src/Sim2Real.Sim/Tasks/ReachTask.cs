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
    private readonly ReachGoal _goal;

    public ReachTask(MjModel model, RobotConfig robot, ReachTaskOptions options)
    {
        _options = options;
        _goal = new ReachGoal(model, robot, options, "reach");
    }

    public int EpisodeControlSteps => _options.EpisodeControlSteps;

    public IReadOnlyList<ObservationField> Layout => ObservationLayouts.Reach;

    public int TaskStateSize => 0;

    /// <summary>This episode's target, world frame (m).</summary>
    public IReadOnlyList<double> Target => _goal.Target;

    public void Reset(MjData data, Random random)
    {
        _goal.PerturbStart(data, random);
        _goal.NewTarget(data, random);
    }

    public void WriteInputs(MjData data, ObservationInputs inputs) => _goal.WriteTarget(inputs.Target);

    public TaskOutcome Evaluate(MjData data, in StepContext context)
    {
        var (distance, success, reward) = _goal.Score(data);
        return new TaskOutcome(reward, false, success, new Dictionary<string, double> { ["distance_m"] = distance });
    }
}
