using Sim2Real.Core.Imaging;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Sim.Environments;

/// <summary>
/// What Reset and Step return (dm_env's TimeStep plus gymnasium's termination/truncation split). The discount is 0
/// only when the task terminated; a time-limit truncation keeps discount 1 so agents bootstrap through it.
/// </summary>
public sealed class TimeStep
{
    internal TimeStep(StepType stepType, double reward, double discount, bool terminated, bool truncated, Observation observation, Image? frame, StepInfo info)
    {
        StepType = stepType;
        Reward = reward;
        Discount = discount;
        Terminated = terminated;
        Truncated = truncated;
        Observation = observation;
        Frame = frame;
        Info = info;
    }

    public StepType StepType { get; }

    /// <summary>Summed over the action-repeat control steps; 0 on the first step.</summary>
    public double Reward { get; }

    public double Discount { get; }

    /// <summary>The task ended the episode (e.g. the quadruped fell).</summary>
    public bool Terminated { get; }

    /// <summary>The time limit ended the episode.</summary>
    public bool Truncated { get; }

    /// <summary>The state vector (the task's layout) and the privileged factors; no pixels: those are the frame pipeline's.</summary>
    public Observation Observation { get; }

    /// <summary>The camera's raw RGB frame at its own resolution, rendered once per agent step; null without a camera.</summary>
    public Image? Frame { get; }

    public StepInfo Info { get; }

    public bool IsFirst => StepType == StepType.First;

    public bool IsLast => StepType == StepType.Last;
}
