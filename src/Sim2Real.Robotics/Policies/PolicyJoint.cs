namespace Sim2Real.Robotics.Policies;

/// <summary>One joint as the policy was trained on it, in the policy's action order.</summary>
public sealed record PolicyJoint
{
    public required string Name { get; init; }

    public required double HomeRad { get; init; }

    public required double ActionScaleRad { get; init; }

    public required IReadOnlyList<double> PositionLimitRad { get; init; }

    public required double VelocityLimitRadS { get; init; }
}
