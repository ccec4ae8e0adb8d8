namespace Sim2Real.Sim.Bindings;

/// <summary>One kind of MuJoCo warning raised on a data: how often, and the info of the last one (e.g. the bad dof).</summary>
public sealed record MjWarningCount(MjtWarning Kind, int Count, int LastInfo)
{
    public override string ToString() => $"{Kind} x{Count} (last info {LastInfo})";
}
