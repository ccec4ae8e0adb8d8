using Sim2Real.Robotics.Spec;

namespace Sim2Real.Robotics.Policies;

/// <summary>The robot a policy was trained for: name, content hash of its files, and its joints as trained.</summary>
public sealed record PolicyRobot
{
    public required string Name { get; init; }

    public required string ContentHash { get; init; }

    public required ActionMode ActionMode { get; init; }

    public required IReadOnlyList<PolicyJoint> Joints { get; init; }

    public string? EndEffectorSite { get; init; }

    public static PolicyRobot From(RobotSpec robot)
    {
        ArgumentNullException.ThrowIfNull(robot);
        return new PolicyRobot
        {
            Name = robot.Name,
            ContentHash = robot.ContentHash,
            ActionMode = robot.Control.ActionMode,
            EndEffectorSite = robot.EndEffectorSite,
            Joints = robot.Joints.Select(j => new PolicyJoint
            {
                Name = j.Name,
                HomeRad = j.HomeRad,
                ActionScaleRad = j.ActionScaleRad,
                PositionLimitRad = [j.PositionLimitRad.Min, j.PositionLimitRad.Max],
                VelocityLimitRadS = j.VelocityLimitRadS,
            }).ToList(),
        };
    }
}
