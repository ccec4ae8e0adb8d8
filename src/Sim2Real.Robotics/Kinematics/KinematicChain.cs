using Sim2Real.Core;

namespace Sim2Real.Robotics.Kinematics;

/// <summary>
/// The robot's kinematic tree exported from its compiled MJCF (kinematics.yaml): links in tree order (every parent
/// before its children), their fixed transforms and joint axes, and the sites and cameras fixed to them. With it, a
/// deployment without MuJoCo computes what the simulator computes: the end-effector position for an observation,
/// the frames of /tf.
/// </summary>
public sealed record KinematicChain
{
    public const string FileName = "kinematics.yaml";

    public required string Robot { get; init; }

    /// <summary>The MJCF the chain was exported from, relative to the robot folder.</summary>
    public required string Model { get; init; }

    /// <summary>The model's physics timestep; the control period is a whole number of them.</summary>
    public required double TimestepS { get; init; }

    public required IReadOnlyList<KinematicLink> Links { get; init; }

    public required IReadOnlyList<KinematicFrame> Frames { get; init; }

    /// <summary>Index of the link of that name.</summary>
    /// <exception cref="InvalidConfigException">No such link; the message lists the links.</exception>
    public int LinkIndex(string name)
    {
        for (var i = 0; i < Links.Count; i++)
        {
            if (Links[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidConfigException(Robot + " kinematics", "links", $"no link '{name}'; links: {string.Join(", ", Links.Select(l => l.Name))}");
    }

    /// <summary>The frame (site or camera) of that name.</summary>
    /// <exception cref="InvalidConfigException">No such frame; the message lists the frames.</exception>
    public KinematicFrame Frame(string name) =>
        Frames.FirstOrDefault(f => f.Name == name)
        ?? throw new InvalidConfigException(Robot + " kinematics", "frames", $"no frame '{name}'; frames: {string.Join(", ", Frames.Select(f => f.Name))}");

    /// <summary>Every joint of the chain with the link it moves.</summary>
    public IEnumerable<(KinematicJoint Joint, int Link)> Joints() =>
        Links.SelectMany((l, i) => l.Joints.Select(j => (j, i)));

    /// <summary>The free joint of a floating-base robot, or null for a fixed base.</summary>
    public KinematicJoint? FreeJoint => Joints().Select(p => p.Joint).FirstOrDefault(j => j.Kind == JointKind.Free);

    internal void Validate(string source)
    {
        for (var i = 0; i < Links.Count; i++)
        {
            if (Links[i].Parent < -1 || Links[i].Parent >= i)
            {
                throw new InvalidConfigException(source, $"links[{i}].parent", $"link '{Links[i].Name}' must come after its parent");
            }

            foreach (var joint in Links[i].Joints)
            {
                if (joint.Kind == JointKind.Free && Links[i].Parent != -1)
                {
                    throw new InvalidConfigException(source, $"links[{i}].joints", $"free joint '{joint.Name}' must belong to a body of the world");
                }
            }
        }

        for (var i = 0; i < Frames.Count; i++)
        {
            if (Frames[i].Link < -1 || Frames[i].Link >= Links.Count)
            {
                throw new InvalidConfigException(source, $"frames[{i}].link", $"frame '{Frames[i].Name}' names no link");
            }
        }

        if (!double.IsFinite(TimestepS) || TimestepS <= 0)
        {
            throw new InvalidConfigException(source, "timestep_s", $"must be positive, got {TimestepS}");
        }
    }
}
