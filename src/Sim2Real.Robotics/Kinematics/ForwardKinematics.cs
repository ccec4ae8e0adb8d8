using Sim2Real.Core;
using Sim2Real.Robotics.Geometry;

namespace Sim2Real.Robotics.Kinematics;

/// <summary>
/// Forward kinematics over a <see cref="KinematicChain"/>, a pure function of joint positions (in the robot spec's
/// joint order) and, for a floating base, the base pose. It follows mj_kinematics: each link is placed by its parent
/// pose and fixed offset, then moved by its joints (hinges rotate about their anchor, slides translate). Joints the
/// spec does not actuate stay at their rest position. Allocation-free after construction.
/// </summary>
public sealed class ForwardKinematics
{
    private readonly KinematicChain _chain;
    private readonly int[][] _jointIndex;

    /// <param name="jointOrder">The joint names in the order joint positions are given (the robot spec's order).</param>
    /// <exception cref="InvalidConfigException">A named joint is not in the chain.</exception>
    public ForwardKinematics(KinematicChain chain, IReadOnlyList<string> jointOrder)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(jointOrder);
        _chain = chain;
        var known = chain.Joints().Select(p => p.Joint.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in jointOrder)
        {
            if (!known.Contains(name))
            {
                throw new InvalidConfigException(chain.Robot + " kinematics", "joints", $"joint '{name}' is not in the kinematic chain; it has: {string.Join(", ", known)}");
            }
        }

        _jointIndex = chain.Links
            .Select(l => l.Joints.Select(j => IndexOf(jointOrder, j.Name)).ToArray())
            .ToArray();
        JointCount = jointOrder.Count;
    }

    public KinematicChain Chain => _chain;

    public int JointCount { get; }

    public int LinkCount => _chain.Links.Count;

    /// <summary>World poses of every link into <paramref name="links"/> (one per chain link).</summary>
    /// <param name="basePose">The floating base's world pose (odometry); ignored for a fixed base.</param>
    public void Solve(ReadOnlySpan<double> jointPositions, Pose basePose, Span<Pose> links)
    {
        if (jointPositions.Length != JointCount)
        {
            throw new ArgumentException($"{jointPositions.Length} joint positions given; the chain is driven by {JointCount}", nameof(jointPositions));
        }

        if (links.Length != _chain.Links.Count)
        {
            throw new ArgumentException($"room for {links.Length} link poses; the chain has {_chain.Links.Count}", nameof(links));
        }

        for (var i = 0; i < _chain.Links.Count; i++)
        {
            var link = _chain.Links[i];
            var parent = link.Parent < 0 ? Pose.Identity : links[link.Parent];
            var position = parent.Position + parent.Orientation.Rotate(link.Offset.Position);
            var orientation = parent.Orientation * link.Offset.Orientation;
            var indices = _jointIndex[i];
            for (var j = 0; j < link.Joints.Count; j++)
            {
                var joint = link.Joints[j];
                switch (joint.Kind)
                {
                    case JointKind.Free:
                        position = basePose.Position;
                        orientation = basePose.Orientation;
                        break;
                    case JointKind.Slide:
                    {
                        var q = indices[j] < 0 ? joint.RestPosition : jointPositions[indices[j]];
                        position += orientation.Rotate(joint.Axis) * (q - joint.RestPosition);
                        break;
                    }

                    case JointKind.Hinge:
                    {
                        var q = indices[j] < 0 ? joint.RestPosition : jointPositions[indices[j]];
                        var anchor = position + orientation.Rotate(joint.Anchor);
                        orientation *= Quat.FromAxisAngle(joint.Axis, q - joint.RestPosition);
                        position = anchor - orientation.Rotate(joint.Anchor);
                        break;
                    }
                }
            }

            links[i] = new Pose(position, orientation.Normalized());
        }
    }

    /// <summary>World pose of a site or camera given the link poses from <see cref="Solve"/>.</summary>
    public static Pose FramePose(KinematicFrame frame, ReadOnlySpan<Pose> links)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var parent = frame.Link < 0 ? Pose.Identity : links[frame.Link];
        return parent.Compose(frame.Offset);
    }

    private static int IndexOf(IReadOnlyList<string> order, string name)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
