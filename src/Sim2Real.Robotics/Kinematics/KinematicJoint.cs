using Sim2Real.Robotics.Geometry;

namespace Sim2Real.Robotics.Kinematics;

/// <summary>A joint inside a link: its axis and anchor in the link's frame, and the position at which it is at rest.</summary>
public sealed record KinematicJoint(string Name, JointKind Kind, Vec3 Axis, Vec3 Anchor, double RestPosition);
