using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Robotics.Configuration;
using Sim2Real.Robotics.Spec;
using Sim2Real.Ros.Transport;
using Sim2Real.Runtime.Safety;

namespace Sim2Real.Runtime.Launch;

/// <summary>
/// Reads a deployment description (launch/&lt;name&gt;.yaml) strictly: an unknown or missing field, an inverted
/// limit, a timeout at or below zero, a joint the robot lacks, all refuse to load with the file and field named.
/// Paths inside are relative to the file. The policy is checked against the robot later, when it is loaded
/// (<see cref="Hosting.DeploymentPlan"/>), and against the live robot at start-up.
/// </summary>
public static class DeploymentFile
{
    private const double MaxRampRadS = 3.0;

    /// <param name="policyOverride">A policy file to deploy instead of the one the file names (<c>deploy --policy</c>).</param>
    /// <exception cref="InvalidConfigException">Names the file and the offending field.</exception>
    public static DeploymentDescription Load(string path, string? policyOverride = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new InvalidConfigException(full, "launch file", "not found; the shipped ones are under launch/");
        }

        var d = YamlConfigReader.ReadFile<Document>(full);
        var directory = Path.GetDirectoryName(full)!;
        var robotPath = Resolve(d.Robot, directory, full, "robot");
        if (!System.IO.Directory.Exists(robotPath) && !File.Exists(robotPath))
        {
            throw new InvalidConfigException(full, "robot", $"'{d.Robot}' ({robotPath}) is neither a robot folder nor a robot.yaml");
        }

        var robot = RobotSpecFile.Load(robotPath);
        var policyPath = policyOverride is null ? Resolve(d.Policy, directory, full, "policy") : Path.GetFullPath(policyOverride);
        if (!File.Exists(policyPath))
        {
            throw policyOverride is null
                ? new InvalidConfigException(full, "policy", $"'{d.Policy}' ({policyPath}) not found; train one (`./sim2real train`), bundle a checkpoint (`./sim2real policy bundle`) or give one with --policy")
                : new InvalidConfigException(policyPath, "--policy", "not found");
        }

        var node = d.Node ?? new NodeSection();
        if (!TopicName.IsValidNodeName(node.Name))
        {
            throw new InvalidConfigException(full, "node.name", $"'{node.Name}' is not a valid ROS 2 node name (letters, digits, underscores; not starting with a digit)");
        }

        if (!TopicName.IsValidNamespace(node.Namespace))
        {
            throw new InvalidConfigException(full, "node.namespace", $"'{node.Namespace}' is not a valid ROS 2 namespace (absolute, e.g. / or /robot1)");
        }

        var rates = d.Rates ?? throw new InvalidConfigException(full, "rates", "missing; give control_period_s and action_repeat");
        var period = rates.ControlPeriodS ?? throw new InvalidConfigException(full, "rates.control_period_s", "missing");
        if (!double.IsFinite(period) || period is < 1e-4 or > 1)
        {
            throw new InvalidConfigException(full, "rates.control_period_s", string.Create(CultureInfo.InvariantCulture, $"must be in [0.0001, 1] s, got {period}"));
        }

        var repeat = rates.ActionRepeat ?? throw new InvalidConfigException(full, "rates.action_repeat", "missing");
        if (repeat is < 1 or > 100)
        {
            throw new InvalidConfigException(full, "rates.action_repeat", $"must be 1..100, got {repeat}");
        }

        var priority = rates.ThreadPriority ?? RatesSection.DefaultThreadPriority;
        if (priority is < 0 or > 99)
        {
            throw new InvalidConfigException(full, "rates.thread_priority", $"must be 0 (ordinary threads) or a SCHED_FIFO priority 1..99, got {priority}");
        }

        var inferenceThreads = rates.InferenceThreads ?? RatesSection.DefaultInferenceThreads;
        if (inferenceThreads is < 1 or > RatesSection.MaxInferenceThreads)
        {
            throw new InvalidConfigException(full, "rates.inference_threads", $"must be 1..{RatesSection.MaxInferenceThreads}, got {inferenceThreads}");
        }

        if (d.Simulator is { } simulator)
        {
            if (string.IsNullOrWhiteSpace(simulator.Task))
            {
                throw new InvalidConfigException(full, "simulator.task", "missing; the simulated robot needs its task (reach, walk, ...)");
            }

            if (string.IsNullOrWhiteSpace(simulator.World) || !RosNames.IsValidToken(simulator.World.Replace('-', '_')))
            {
                throw new InvalidConfigException(full, "simulator.world", $"'{simulator.World}' is not a world name (nominal, randomized, real-like, or one robot.yaml defines)");
            }

            if (simulator.VelocityCommand is { } v && (v.Length != 3 || !v.All(double.IsFinite)))
            {
                throw new InvalidConfigException(full, "simulator.velocity_command", "must be [vx m/s, vy m/s, yaw rate rad/s], three finite numbers");
            }
        }

        var startup = d.StartupTimeoutS ?? 10;
        ConfigChecks.Positive(full, "startup_timeout_s", startup);
        var (safeAction, safeSource) = d.SafeAction is { } own
            ? (own.Validate(full, "safe_action", robot.Joints), full)
            : (robot.SafeAction ?? SafeActionSpec.HoldMeasured, robot.Source);
        var limits = d.Limits ?? new LimitsSection();
        var ramp = limits.StartupRampRadS ?? 1.0;
        ConfigChecks.Positive(full, "limits.startup_ramp_rad_s", ramp);
        if (ramp > MaxRampRadS)
        {
            throw new InvalidConfigException(full, "limits.startup_ramp_rad_s", string.Create(CultureInfo.InvariantCulture, $"{ramp} rad/s is no gentle start; at most {MaxRampRadS}"));
        }

        var logging = d.Logging ?? new LoggingSection();
        return new DeploymentDescription
        {
            Source = full,
            Name = Path.GetFileNameWithoutExtension(full),
            Robot = robot,
            PolicyPath = policyPath,
            Node = node,
            Clock = d.Clock ?? ClockSource.Wall,
            Simulator = d.Simulator,
            ControlPeriodS = period,
            ActionRepeat = repeat,
            ThreadPriority = priority,
            InferenceThreads = inferenceThreads,
            StartupTimeout = TimeSpan.FromSeconds(startup),
            Camera = Camera(d.Camera, directory, full),
            Topics = DeploymentTopics.Resolve(d.Topics, full),
            Watchdogs = WatchdogSettings.From(d.Watchdogs, full),
            SafeAction = safeAction,
            SafeActionSource = safeSource,
            StartupRampRadS = ramp,
            PositionLimits = PositionLimits(robot, limits, full),
            Logging = logging,
            Recording = logging.Resolve(full),
        };
    }

    private static CameraDescription? Camera(CameraSection? camera, string directory, string source)
    {
        if (camera is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(camera.Name) || !RosNames.IsValidToken(camera.Name))
        {
            throw new InvalidConfigException(source, "camera.name", $"'{camera.Name}' is not a camera name (a ROS name token, e.g. scene)");
        }

        string? calibration = null;
        if (camera.Calibration is not null)
        {
            calibration = Resolve(camera.Calibration, directory, source, "camera.calibration");
            if (!File.Exists(calibration))
            {
                throw new InvalidConfigException(source, "camera.calibration", $"'{camera.Calibration}' ({calibration}) not found; make it with `./sim2real calibrate intrinsics`");
            }
        }

        return new CameraDescription(
            camera.Name,
            calibration,
            TopicSpec.Resolve(camera.Image, new TopicEndpoint($"/{camera.Name}/image_raw", QosProfile.SensorData), source, "camera.image"),
            TopicSpec.Resolve(camera.Info, new TopicEndpoint($"/{camera.Name}/camera_info", QosProfile.SensorData), source, "camera.info"));
    }

    private static List<Interval> PositionLimits(RobotSpec robot, LimitsSection limits, string source)
    {
        var result = robot.Joints.Select(j => j.PositionLimitRad).ToList();
        foreach (var (joint, interval) in limits.PositionLimitRad ?? [])
        {
            var field = $"limits.position_limit_rad.{joint}";
            var index = robot.JointIndex(joint);
            if (index < 0)
            {
                throw new InvalidConfigException(source, field, $"robot '{robot.Name}' has no joint '{joint}'; its joints: {string.Join(", ", robot.JointNames)}");
            }

            interval.Validate(source, field);
            var own = robot.Joints[index].PositionLimitRad;
            if (interval.Min < own.Min || interval.Max > own.Max)
            {
                throw new InvalidConfigException(source, field, string.Create(CultureInfo.InvariantCulture,
                    $"[{interval.Min}, {interval.Max}] is wider than robot.yaml's [{own.Min}, {own.Max}]; a deployment may only narrow a joint's limits"));
            }

            if (interval.Width <= 0)
            {
                throw new InvalidConfigException(source, field, "the range must not be empty");
            }

            result[index] = interval;
        }

        return result;
    }

    private static string Resolve(string? relative, string directory, string source, string field)
    {
        if (string.IsNullOrWhiteSpace(relative))
        {
            throw new InvalidConfigException(source, field, "missing");
        }

        return Path.GetFullPath(Path.Combine(directory, relative));
    }

    /// <summary>A launch file as this loader reads it. Public for YamlDotNet.</summary>
    public sealed class Document
    {
        /// <summary>Robot folder (or its robot.yaml), relative to the launch file.</summary>
        public string? Robot { get; set; }

        /// <summary>Policy file, relative to the launch file.</summary>
        public string? Policy { get; set; }

        public NodeSection? Node { get; set; }

        public ClockSource? Clock { get; set; }

        public SimulatorSection? Simulator { get; set; }

        public RatesSection? Rates { get; set; }

        public double? StartupTimeoutS { get; set; }

        public CameraSection? Camera { get; set; }

        public TopicsSection? Topics { get; set; }

        public WatchdogsSection? Watchdogs { get; set; }

        public SafeActionSpec? SafeAction { get; set; }

        public LimitsSection? Limits { get; set; }

        public LoggingSection? Logging { get; set; }
    }
}
