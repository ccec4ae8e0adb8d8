namespace Sim2Real.Robotics.Policies;

/// <summary>One network (or statistics block) of a policy file: its role, and the prefix of its tensor names.</summary>
public sealed record PolicyNetwork(string Name, string Prefix, string Role);
