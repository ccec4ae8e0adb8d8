namespace Sim2Real.SimRobot.Tests.Served;

/// <summary>The tests that share one served arm; xunit runs a collection's tests one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ServedArmCollection : ICollectionFixture<ServedArm>
{
    public const string Name = "served arm";
}
