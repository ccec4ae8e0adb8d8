using Sim2Real.Core;
using Sim2Real.Robotics.Kinematics;

namespace Sim2Real.Robotics.Spec;

/// <summary>
/// A robot's deployable facts, the same in simulation and on the real robot: joints in order with limits, gains,
/// action scale and home pose; control timing; cameras; the kinematic chain. Loaded from robots/&lt;name&gt;/robot.yaml
/// and kinematics.yaml by <see cref="RobotSpecFile"/>; randomization ranges, scenes and MJCF details stay in Sim.
/// </summary>
public sealed record RobotSpec
{
    public required string Name { get; init; }

    public required ControlSpec Control { get; init; }

    /// <summary>The site whose position is the end effector, for arms; null for robots without one.</summary>
    public string? EndEffectorSite { get; init; }

    /// <summary>Actuated joints in command order: joint targets, observations and actions use this order.</summary>
    public required IReadOnlyList<JointSpec> Joints { get; init; }

    public required IReadOnlyList<CameraSpec> Cameras { get; init; }

    public required KinematicChain Kinematics { get; init; }

    /// <summary>What the deployment runtime commands when a safety rule trips; null when robot.yaml names none.</summary>
    public SafeActionSpec? SafeAction { get; init; }

    /// <summary>"sha256:..." over robot.yaml, the robot's MJCF and kinematics.yaml: a policy trained on other files warns.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The robot.yaml it was loaded from, for error messages.</summary>
    public required string Source { get; init; }

    public IReadOnlyList<string> JointNames => Joints.Select(j => j.Name).ToList();

    /// <summary>Whether the robot has a floating base (a legged robot), whose pose comes from odometry.</summary>
    public bool FloatingBase => Kinematics.FreeJoint is not null;

    /// <summary>Index of the joint of that name in command order.</summary>
    public int JointIndex(string name)
    {
        for (var i = 0; i < Joints.Count; i++)
        {
            if (Joints[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The camera of that name, or an error listing the robot's cameras.</summary>
    public CameraSpec Camera(string name) =>
        Cameras.FirstOrDefault(c => c.Name == name)
        ?? throw new InvalidConfigException(Source, "cameras", $"robot '{Name}' has no camera '{name}'; it has: {string.Join(", ", Cameras.Select(c => c.Name))}");

    /// <summary>The camera used when none is named: the first listed; a robot without cameras says so, naming robot.yaml.</summary>
    /// <param name="purpose">What needs the camera, for the message ("sim play --out").</param>
    /// <exception cref="InvalidConfigException">robot.yaml lists no cameras.</exception>
    public CameraSpec DefaultCamera(string purpose) => Cameras.Count > 0
        ? Cameras[0]
        : throw new InvalidConfigException(Source, "cameras", $"robot '{Name}' has no cameras, and {purpose} needs one; list one under cameras:");

    /// <summary>Home positions in joint order.</summary>
    public double[] Home() => Joints.Select(j => j.HomeRad).ToArray();
}
