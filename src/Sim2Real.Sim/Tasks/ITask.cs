using Sim2Real.Robotics.Observations;
using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Tasks;

/// <summary>
/// What a robot is asked to do: the initial state of an episode, the observation layout it needs, the task command
/// it gives the robot, and the reward. One instance per environment; it may keep per-episode state (a target, a command).
/// </summary>
internal interface ITask
{
    /// <summary>Control steps per episode before truncation.</summary>
    int EpisodeControlSteps { get; }

    /// <summary>The state vector's fields, in order (see <see cref="ObservationLayouts"/>).</summary>
    IReadOnlyList<ObservationField> Layout { get; }

    /// <summary>Length of the simulator-only task state, for layouts that read it; 0 otherwise.</summary>
    int TaskStateSize { get; }

    /// <summary>Called after the data was reset to the home keyframe: set up targets and the initial pose.</summary>
    void Reset(MjData data, Random random);

    /// <summary>Writes the task command (target, velocity command) and any task state into <paramref name="inputs"/>.</summary>
    void WriteInputs(MjData data, ObservationInputs inputs);

    /// <summary>Reward and status after one control step; <paramref name="context"/> carries the step's action.</summary>
    TaskOutcome Evaluate(MjData data, in StepContext context);
}
