namespace Sim2Real.Learning.Tests.Policies;

/// <summary>The tests that share one set of exported policies (two python3 runs in all).</summary>
[CollectionDefinition(Name)]
public sealed class ExportedPoliciesCollection : ICollectionFixture<ExportedPolicies>
{
    public const string Name = "exported policies";
}
