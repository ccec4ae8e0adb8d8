using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Tasks;

/// <summary>
/// What a robot is asked to do: the initial state of an episode, the task part of the observation, and the reward.
/// One instance per environment; it may keep per-episode state (a target, a command).
/// </summary>
internal interface ITask
{
    /// <summary>Control steps per episode before truncation.</summary>
    int EpisodeControlSteps { get; }

    /// <summary>Length of the <c>task</c> observation array.</summary>
    int ObservationSize { get; }

    /// <summary>Called after the data was reset to the home keyframe: set up targets and the initial pose.</summary>
    void Reset(MjData data, Random random);

    void WriteObservation(MjData data, Span<float> observation);

    /// <summary>Reward and status after one control step; <paramref name="context"/> carries the step's action.</summary>
    TaskOutcome Evaluate(MjData data, in StepContext context);
}
