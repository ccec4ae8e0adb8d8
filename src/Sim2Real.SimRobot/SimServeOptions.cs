using Sim2Real.Core;
using Sim2Real.Ros;
using Sim2Real.Sim.Worlds;
using Sim2Real.SimRobot.Faults;

namespace Sim2Real.SimRobot;

/// <summary>What <c>sim serve</c> serves and how. Defaults follow ros2_control's demos; units are in the names.</summary>
public sealed record SimServeOptions
{
    /// <summary>Named in errors about these options, as the command line's flags are.</summary>
    public const string Source = "sim serve";

    /// <summary>Folder name under robots/, e.g. <c>arm6</c>.</summary>
    public string Robot { get; init; } = "arm6";

    /// <summary>Task name; null takes the robot's first (arm6: reach, quad12: walk).</summary>
    public string? Task { get; init; }

    /// <summary>nominal, randomized, real_like (real-like) or another world robot.yaml defines.</summary>
    public string World { get; init; } = WorldNames.Nominal;

    public ClockMode Clock { get; init; } = ClockMode.Wall;

    /// <summary>/joint_states rate; null: 500 Hz for a fixed-base robot, 250 Hz for a legged one. Must divide the physics rate.</summary>
    public double? JointStateRateHz { get; init; }

    /// <summary>Image and camera_info rate of every camera.</summary>
    public double CameraRateHz { get; init; } = 30;

    /// <summary>Cameras to serve; null serves every camera of the robot, an empty list none.</summary>
    public IReadOnlyList<string>? Cameras { get; init; }

    /// <summary>Render size overriding each camera's robot.yaml resolution (camera_info follows it); null keeps it.</summary>
    public int? CameraWidth { get; init; }

    public int? CameraHeight { get; init; }

    /// <summary>/tf rate (robot_state_publisher's transforms from the joint states).</summary>
    public double TfRateHz { get; init; } = 50;

    /// <summary>How long to serve, in seconds of the robot's clock (simulated time with <see cref="ClockMode.Sim"/>); null until stopped.</summary>
    public double? DurationS { get; init; }

    /// <summary>Run seed: episode k is the world EpisodeSeeds.World(seed, k), the one <c>sim play --seed</c> plays.</summary>
    public int Seed { get; init; }

    /// <summary>With <see cref="ClockMode.Sim"/>: wall time to wait for a command before a period runs with the held one.</summary>
    public TimeSpan SimClockTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Faults scheduled from the command line, each starting at its <see cref="FaultSpec.AtS"/>.</summary>
    public IReadOnlyList<FaultSpec> Faults { get; init; } = [];

    /// <summary>ROS arguments: namespace, node name, topic remaps.</summary>
    public RosArguments Ros { get; init; } = RosArguments.None;

    public string NodeName { get; init; } = "sim_serve";

    /// <summary>robots/ folder; null finds it from the working directory.</summary>
    public string? RobotsRoot { get; init; }

    /// <exception cref="InvalidConfigException">Names the offending flag.</exception>
    public void Validate()
    {
        Rate("--camera-rate", CameraRateHz);
        Rate("--tf-rate", TfRateHz);
        if (JointStateRateHz is { } rate)
        {
            Rate("--rate", rate);
        }

        if (CameraWidth is < 8 or > 4096 || CameraHeight is < 8 or > 4096 || (CameraWidth is null) != (CameraHeight is null))
        {
            throw new InvalidConfigException(Source, "--camera-size", $"give width and height, each 8..4096 pixels, got {CameraWidth}x{CameraHeight}");
        }

        if (DurationS is { } duration && (!double.IsFinite(duration) || duration <= 0))
        {
            throw new InvalidConfigException(Source, "--duration", $"must be a positive number of seconds, got {duration}");
        }

        if (SimClockTimeout <= TimeSpan.Zero || SimClockTimeout > TimeSpan.FromMinutes(10))
        {
            throw new InvalidConfigException(Source, "--sim-timeout-ms", $"must be 1 ms to 10 minutes, got {SimClockTimeout.TotalMilliseconds} ms");
        }

        foreach (var fault in Faults)
        {
            fault.Validate(Source, "--fault");
        }
    }

    private static void Rate(string flag, double hz)
    {
        if (!double.IsFinite(hz) || hz <= 0)
        {
            throw new InvalidConfigException(Source, flag, $"must be a positive rate in Hz, got {hz}");
        }
    }
}
