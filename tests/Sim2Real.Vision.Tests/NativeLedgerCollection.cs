namespace Sim2Real.Vision.Tests;

/// <summary>Tests that read the process-wide <see cref="LiveMats"/> counts run alone, so no other test's Mats mix in.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeLedgerCollection
{
    public const string Name = "native ledger";
}
