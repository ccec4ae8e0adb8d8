using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;
using Sim2Real.Runtime.Launch;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Safety;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Runtime.Hosting;

/// <summary>
/// A deployment description checked against its policy before anything connects: the same robot (by name, joints
/// by name, home pose, action scale and mode), the same control period and action repeat as the launch file, a
/// deployable observation layout, a camera section for a pixel policy with a calibration of the policy's input
/// size, and the watchdogs the policy's inputs need. The first mismatch refuses, naming both sides.
/// </summary>
public sealed class DeploymentPlan
{
    private const double Tolerance = 1e-9;

    private DeploymentPlan(DeploymentDescription description, PolicyLoopOptions loop, TopicEndpoint? taskCommand, bool taskIsTarget, IReadOnlyList<string> warnings)
    {
        Description = description;
        Loop = loop;
        TaskCommand = taskCommand;
        TaskIsTarget = taskIsTarget;
        Warnings = warnings;
    }

    public DeploymentDescription Description { get; }

    public PolicyLoopOptions Loop { get; }

    /// <summary>The task command topic; null when the policy reads none.</summary>
    public TopicEndpoint? TaskCommand { get; }

    /// <summary>Whether the task command is a reach target (geometry_msgs/PointStamped) rather than a velocity command (geometry_msgs/Twist).</summary>
    public bool TaskIsTarget { get; }

    /// <summary>Differences worth a warning but not a refusal (the robot's files changed since training).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <exception cref="PolicyMismatchException">The policy does not fit the robot or the launch file.</exception>
    /// <exception cref="InvalidConfigException">The launch file lacks what this policy needs; names the field.</exception>
    public static DeploymentPlan Create(DeploymentDescription description, PolicyManifest manifest, string policyPath)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(manifest);
        var d = description;
        var robot = d.Robot;
        var policy = Path.GetFileName(Path.GetDirectoryName(policyPath)) is { Length: > 0 } folder ? $"{folder}/{Path.GetFileName(policyPath)}" : policyPath;
        var inv = CultureInfo.InvariantCulture;
        // The robot first: a policy for another robot is refused as that, before any timing detail.
        if (manifest.Robot.Name != robot.Name)
        {
            throw new PolicyMismatchException($"{policy} was trained for robot '{manifest.Robot.Name}'; {d.Source} deploys robot '{robot.Name}' ({robot.Source})");
        }

        if (Math.Abs(robot.Control.PeriodS - d.ControlPeriodS) > Tolerance)
        {
            throw new InvalidConfigException(d.Source, "rates.control_period_s", string.Create(inv,
                $"{d.ControlPeriodS} s, but robot '{robot.Name}' ({robot.Source}) is controlled every {robot.Control.PeriodS} s"));
        }

        if (Math.Abs(manifest.Timing.ControlPeriodS - d.ControlPeriodS) > Tolerance || manifest.Timing.ActionRepeat != d.ActionRepeat)
        {
            throw new PolicyMismatchException(string.Create(inv,
                $"{policy} acts every {manifest.Timing.PolicyPeriodS} s (control period {manifest.Timing.ControlPeriodS} s x action repeat {manifest.Timing.ActionRepeat}); {d.Source} rates give {d.PolicyPeriodS} s (control period {d.ControlPeriodS} s x action repeat {d.ActionRepeat})"));
        }

        var warnings = new List<string>(PolicyCompatibility.Check(manifest, robot, policy, d.ActionRepeat));
        if (manifest.ActionSize != robot.Joints.Count)
        {
            throw new PolicyMismatchException($"{policy} has {manifest.ActionSize} actions; robot '{robot.Name}' has {robot.Joints.Count} joints");
        }

        var layout = manifest.Observation.Layout(robot.Joints.Count, policyPath);
        if (layout.SimulatorOnly)
        {
            throw new PolicyMismatchException($"{policy} observes simulator-only task state ({layout}); it cannot run on a robot");
        }

        var needsTarget = layout.Fields.Any(f => f.Source is ObservationSource.TargetPosition or ObservationSource.TargetMinusEndEffector);
        var needsVelocity = layout.Fields.Any(f => f.Source == ObservationSource.VelocityCommand);
        if (needsTarget && needsVelocity)
        {
            throw new PolicyMismatchException($"{policy} reads both a reach target and a velocity command; a deployment serves one task command");
        }

        var needsOdometry = layout.Fields.Any(f => ObservationSources.NeedsOdometry(f.Source));
        var w = d.Watchdogs;
        if (needsOdometry || robot.FloatingBase)
        {
            Require(w.OdometryTimeout is not null, d, RuleNames.OdometryStale, "the policy reads the floating base's odometry");
            Require(w.TiltLimitRad is not null, d, RuleNames.BaseTilt, $"robot '{robot.Name}' has a floating base");
            Require(w.MinBaseHeightM is not null, d, RuleNames.Fall, $"robot '{robot.Name}' has a floating base");
        }

        CameraInfo? calibration = null;
        var camera = manifest.Observation.Camera;
        if (camera is not null)
        {
            var section = d.Camera ?? throw new InvalidConfigException(d.Source, "camera", $"missing; {policy} sees camera '{camera.Name}' ({camera.Width}x{camera.Height})");
            if (section.Name != camera.Name)
            {
                throw new PolicyMismatchException($"{policy} was trained on camera '{camera.Name}'; {d.Source} camera.name is '{section.Name}'");
            }

            Require(w.CameraTimeout is not null, d, RuleNames.CameraStale, $"{policy} acts on camera frames");
            if (section.CalibrationPath is { } path)
            {
                calibration = CameraInfoYaml.Read(path);
                PolicyCompatibility.CheckCameraSize(camera, calibration.ImageWidth, calibration.ImageHeight, policy, $"the calibration {path}");
            }
        }
        else if (d.Camera is not null)
        {
            throw new InvalidConfigException(d.Source, "camera", $"{policy} is a state policy and reads no camera; remove the section");
        }

        var task = needsTarget || needsVelocity ? d.Topics.TaskCommand(needsTarget) : null;
        var topics = new InputTopics
        {
            JointStates = d.Topics.JointStates.Name,
            Image = d.Camera?.Image.Name ?? "",
            CameraInfo = d.Camera?.Info.Name ?? "",
            Odometry = d.Topics.Odometry.Name,
            FootContacts = d.Topics.FootContacts.Name,
            TaskCommand = task?.Name ?? "",
            EStop = d.Topics.EStop.Name,
            EStopReset = d.Topics.EStopReset.Name,
        };
        var loop = new PolicyLoopOptions
        {
            Robot = robot,
            Layout = layout,
            Camera = camera,
            Calibration = calibration,
            Policy = policy,
            ControlPeriodS = d.ControlPeriodS,
            ActionRepeat = d.ActionRepeat,
            Watchdogs = w,
            SafeAction = d.SafeAction,
            StartupRampRadS = d.StartupRampRadS,
            PositionLimits = d.PositionLimits,
            NodeName = d.Node.Name,
            StartupTimeout = d.StartupTimeout,
            Topics = topics,
            ReadsFootContacts = w.FootContact is not null,
        };
        return new DeploymentPlan(d, loop, task, needsTarget, warnings);
    }

    private static void Require(bool present, DeploymentDescription d, string rule, string why)
    {
        if (!present)
        {
            throw new InvalidConfigException(d.Source, $"watchdogs.{rule}", $"missing; {why}");
        }
    }
}
