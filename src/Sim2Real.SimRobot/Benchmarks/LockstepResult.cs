using System.Globalization;

namespace Sim2Real.SimRobot.Benchmarks;

/// <param name="StepsPerSecond">Physics steps per wall second, served in lockstep to a client answering each period.</param>
/// <param name="ReferenceStepsPerSecond">sim bench (mj_step with testspeed's workload, one thread) on the same scene, same run.</param>
public sealed record LockstepResult(string Scene, int Periods, double StepsPerSecond, double ReferenceStepsPerSecond)
{
    public double Ratio => StepsPerSecond / ReferenceStepsPerSecond;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"lockstep: {StepsPerSecond:F0} steps/s served ({Periods} periods, a prompt client) vs sim bench {ReferenceStepsPerSecond:F0} steps/s on {Path.GetFileName(Scene)}, same run: ratio {Ratio:F3}");
}
