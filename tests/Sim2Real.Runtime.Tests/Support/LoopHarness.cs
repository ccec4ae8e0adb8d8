using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Spec;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Runtime.Pipeline;
using Sim2Real.Runtime.Safety;
using Sim2Real.Vision.Preprocessing;

namespace Sim2Real.Runtime.Tests.Support;

/// <summary>
/// A policy loop in virtual time: one HistoricalScheduler is the clock, the loop's thread and the inference thread;
/// inputs are subjects the test (or a <see cref="SimulatedRobot"/>) pushes on; outputs are recorded.
/// </summary>
internal sealed class LoopHarness : IDisposable
{
    public static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch + TimeSpan.FromSeconds(1000);

    public LoopHarness(PolicyLoopOptions options, FakePolicy policy, Func<long, TimeSpan>? latency = null, FramePreprocessor? frames = null)
    {
        Options = options;
        Policy = policy;
        Scheduler = new HistoricalScheduler(Epoch);
        Outputs = new RecordingOutputs(Scheduler);
        Inference = new ScriptedInference(new PolicyStep(policy, frames, new Vision.Capture.SchedulerTimeProvider(Scheduler)), Scheduler, latency ?? (_ => TimeSpan.FromMilliseconds(1)));
        var inputs = new RuntimeInputs
        {
            JointStates = JointStates,
            CameraInfo = CameraInfo,
            Images = Images,
            Odometry = Odometry,
            FootContacts = FootContacts,
            Target = Target,
            VelocityCommand = VelocityCommand,
            EStop = EStop,
            EStopReset = EStopReset,
        };
        Loop = new PolicyLoop(options, inputs, Outputs, Inference, Scheduler, new Vision.Capture.SchedulerTimeProvider(Scheduler));
        Loop.Notices.Subscribe(Notices.Add);
    }

    public HistoricalScheduler Scheduler { get; }

    public PolicyLoopOptions Options { get; }

    public FakePolicy Policy { get; }

    public ScriptedInference Inference { get; }

    public PolicyLoop Loop { get; }

    public RecordingOutputs Outputs { get; }

    public List<LoopNotice> Notices { get; } = [];

    public Subject<JointState> JointStates { get; } = new();

    public Subject<CameraInfo> CameraInfo { get; } = new();

    public Subject<Image> Images { get; } = new();

    public Subject<Odometry> Odometry { get; } = new();

    public Subject<FootContacts> FootContacts { get; } = new();

    public Subject<PointStamped> Target { get; } = new();

    public Subject<Twist> VelocityCommand { get; } = new();

    public Subject<bool> EStop { get; } = new();

    public Subject<Unit> EStopReset { get; } = new();

    public TimeSpan Period => Options.ControlPeriod;

    /// <summary>A robot that follows the loop's commands and publishes joint_states.</summary>
    public SimulatedRobot Robot(double[]? start = null, double rateHz = 100)
    {
        var robot = new SimulatedRobot(Options.Robot, Scheduler, JointStates, start) { RateHz = rateHz };
        Outputs.Robot = robot.OnCommand;
        return robot;
    }

    public void At(double seconds, Action action) => Scheduler.Schedule(Epoch + TimeSpan.FromSeconds(seconds), action);

    public void RunTo(double seconds) => Scheduler.AdvanceTo(Epoch + TimeSpan.FromSeconds(seconds));

    public DateTimeOffset Time(double seconds) => Epoch + TimeSpan.FromSeconds(seconds);

    public void Dispose() => Loop.Dispose();

    /// <summary>arm6 reaching for a target, 50 Hz, action repeat 2, with the arm's own safe action (hold).</summary>
    public static PolicyLoopOptions Arm(Func<WatchdogSettings, WatchdogSettings>? watchdogs = null) => new()
    {
        Robot = Repo.Arm6,
        Layout = ObservationLayout.Create(ObservationLayouts.Reach, 6),
        ControlPeriodS = 0.02,
        ActionRepeat = 2,
        Watchdogs = (watchdogs ?? (w => w))(new WatchdogSettings
        {
            JointStatesTimeout = TimeSpan.FromMilliseconds(100),
            DeadlineMisses = 3,
            Frozen = (10, 0.02),
            TrackingError = (0.5, TimeSpan.FromSeconds(0.5)),
        }),
        SafeAction = Repo.Arm6.SafeAction ?? SafeActionSpec.HoldMeasured,
        StartupTimeout = TimeSpan.FromSeconds(5),
        Policy = "test-policy.safetensors",
    };

    /// <summary>quad12 walking on a velocity command with odometry and foot contacts; damping as its safe action.</summary>
    public static PolicyLoopOptions Quad(Func<WatchdogSettings, WatchdogSettings>? watchdogs = null) => new()
    {
        Robot = Repo.Quad12,
        Layout = ObservationLayout.Create(ObservationLayouts.Walk, 12),
        ControlPeriodS = 0.02,
        ActionRepeat = 2,
        Watchdogs = (watchdogs ?? (w => w))(new WatchdogSettings
        {
            JointStatesTimeout = TimeSpan.FromMilliseconds(100),
            DeadlineMisses = 3,
            OdometryTimeout = TimeSpan.FromMilliseconds(100),
            TiltLimitRad = 1.0,
            MinBaseHeightM = 0.12,
            FootContact = (TimeSpan.FromSeconds(0.3), TimeSpan.FromMilliseconds(200)),
        }),
        SafeAction = Repo.Quad12.SafeAction ?? SafeActionSpec.HoldMeasured,
        StartupTimeout = TimeSpan.FromSeconds(5),
        ReadsFootContacts = true,
        Policy = "test-walk.safetensors",
        Topics = new InputTopics { TaskCommand = "/cmd_vel" },
    };

    /// <summary>A policy that always answers <paramref name="action"/>.</summary>
    public static FakePolicy Constant(PolicyLoopOptions options, params float[] action) =>
        new(options.Layout.Size, options.Robot.Joints.Count, (_, _) => (float[])action.Clone());
}
