using Sim2Real.Core;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;
using Sim2Real.Robotics.Spec;
using Sim2Real.Runtime.Safety;
using Calibration = Sim2Real.Vision.Calibration.CameraInfo;

namespace Sim2Real.Runtime.Pipeline;

/// <summary>Everything the policy loop runs by, resolved and checked (from a deployment plan, or by a test).</summary>
public sealed record PolicyLoopOptions
{
    public required RobotSpec Robot { get; init; }

    /// <summary>The policy's state layout (from its manifest).</summary>
    public required ObservationLayout Layout { get; init; }

    /// <summary>The policy's camera and frame pipeline; null for a state policy.</summary>
    public PolicyCamera? Camera { get; init; }

    /// <summary>The launch file's calibration of the camera (the live camera_info is compared with it).</summary>
    public Calibration? Calibration { get; init; }

    /// <summary>The policy file, named in messages.</summary>
    public string Policy { get; init; } = "the policy";

    public required double ControlPeriodS { get; init; }

    public required int ActionRepeat { get; init; }

    public required WatchdogSettings Watchdogs { get; init; }

    public required SafeActionSpec SafeAction { get; init; }

    public double StartupRampRadS { get; init; } = 1.0;

    /// <summary>Position limits in joint order; null takes robot.yaml's.</summary>
    public IReadOnlyList<Interval>? PositionLimits { get; init; }

    /// <summary>The node, in diagnostics status names (sim2real/&lt;node&gt;/&lt;rule&gt;) and watchdog events.</summary>
    public string NodeName { get; init; } = "sim2real_runtime";

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public InputTopics Topics { get; init; } = new();

    /// <summary>Whether foot contacts are read (a legged robot whose launch file configures foot_contact).</summary>
    public bool ReadsFootContacts { get; init; }

    /// <summary>How often the full diagnostics array is published besides every change (diagnostic_updater's 1 Hz).</summary>
    public TimeSpan DiagnosticsPeriod { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ControlPeriod => TimeSpan.FromSeconds(ControlPeriodS);

    internal bool NeedsTarget => Layout.Fields.Any(f => f.Source is ObservationSource.TargetPosition or ObservationSource.TargetMinusEndEffector);

    internal bool NeedsVelocityCommand => Layout.Fields.Any(f => f.Source == ObservationSource.VelocityCommand);

    internal bool NeedsOdometry => Layout.Fields.Any(f => ObservationSources.NeedsOdometry(f.Source));

    internal bool NeedsJointVelocity => Layout.Fields.Any(f => f.Source == ObservationSource.JointVelocity);
}
