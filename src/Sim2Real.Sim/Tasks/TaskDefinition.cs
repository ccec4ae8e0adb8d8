namespace Sim2Real.Sim.Tasks;

/// <summary>A task by name: which scene of the robot it runs in and what it asks.</summary>
public sealed record TaskDefinition(string Name, string Scene, string Description);
