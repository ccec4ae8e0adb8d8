using Sim2Real.Sim.Bindings;

namespace Sim2Real.Sim.Checks;

/// <summary>What <see cref="ModelCheck"/> saw: steps run, and every warning (by kind, and MuJoCo's messages).</summary>
public sealed record ModelCheckResult(
    string Model,
    int Steps,
    double SimulatedSeconds,
    string? StartKeyframe,
    string? LoadWarning,
    IReadOnlyList<MjWarningCount> Warnings,
    IReadOnlyList<string> Messages)
{
    public bool Passed => LoadWarning is null && Warnings.Count == 0 && Messages.Count == 0;
}
