using Sim2Real.Robotics.Geometry;

namespace Sim2Real.Robotics.Kinematics;

/// <summary>
/// One rigid body of the chain: its fixed transform in its parent's frame (before its joints move it) and the joints
/// between them. <see cref="Parent"/> is -1 for a body attached to the world.
/// </summary>
public sealed record KinematicLink(string Name, int Parent, Pose Offset, IReadOnlyList<KinematicJoint> Joints);
