using Sim2Real.Robotics.Geometry;

namespace Sim2Real.Robotics.Kinematics;

/// <summary>A named frame fixed to a link (or to the world when <see cref="Link"/> is -1): a site or a camera.</summary>
public sealed record KinematicFrame(string Name, FrameKind Kind, int Link, Pose Offset, double FovyDeg = 0);
