using Sim2Real.Sim.Randomization;

namespace Sim2Real.Sim.Environments;

/// <summary>What a step reports besides the observation: success, the episode's sampled factors, task metrics.</summary>
public sealed class StepInfo
{
    internal StepInfo(bool success, EnvironmentFactors factors, VisualFactors visual, IReadOnlyDictionary<string, double> metrics, int episode, int controlStep)
    {
        Success = success;
        Factors = factors;
        Visual = visual;
        Metrics = metrics;
        Episode = episode;
        ControlStep = controlStep;
    }

    /// <summary>Whether the task's success condition holds now (reach: end effector within 5 cm of the target).</summary>
    public bool Success { get; }

    /// <summary>The physical factors sampled for this episode (nominal values when randomization is off).</summary>
    public EnvironmentFactors Factors { get; }

    /// <summary>What the visual randomizer chose this episode (nominal without pixels or randomization).</summary>
    public VisualFactors Visual { get; }

    /// <summary>Task quantities, e.g. <c>distance_m</c>, <c>speed_error_m_s</c>.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>Episodes started by this environment so far, counting from 0.</summary>
    public int Episode { get; }

    /// <summary>Control steps taken in this episode.</summary>
    public int ControlStep { get; }
}
