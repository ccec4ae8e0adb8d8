using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Sim2Real.Native;
using Sim2Real.Ros;
using Sim2Real.Ros.Transport;
using Sim2Real.SimRobot;
using Sim2Real.SimRobot.Faults;
using Sim2Real.SimRobot.Serving;

namespace Sim2Real.Cli.Commands.Sim;

/// <summary>
/// <c>sim serve</c>: one MuJoCo robot on ROS 2 with what a ros2_control robot speaks, until Ctrl+C or --duration.
/// ROS's own arguments follow <c>--ros-args</c> (<c>-r old:=new</c>, <c>-r __ns:=/robot1</c>).
/// </summary>
internal static class SimServeCommand
{
    public static Command Create()
    {
        var robot = new Option<string>("--robot") { Description = "robot folder name under robots/, e.g. arm6", Required = true };
        var task = new Option<string?>("--task") { Description = "task (default: the robot's first: reach for arm6, walk for quad12)" };
        var world = new Option<string>("--world") { Description = "nominal, randomized, real-like, or another world robots/<robot>/robot.yaml defines", DefaultValueFactory = _ => "nominal" };
        var clock = new Option<string>("--clock") { Description = "wall: real time; sim: lockstep, one control period per command (or per --sim-timeout-ms), with /clock", DefaultValueFactory = _ => "wall" };
        var rate = new Option<double?>("--rate") { Description = "/joint_states rate in Hz, dividing the physics rate (default 500 for a fixed base, 250 for a legged robot)" };
        var duration = new Option<double?>("--duration") { Description = "seconds to serve (of simulated time with --clock sim); default: until Ctrl+C" };
        var seed = new Option<int>("--seed") { Description = "run seed: episode k is the world EpisodeSeeds.World(seed, k), as sim play --seed plays it", DefaultValueFactory = _ => 0 };
        var cameras = new Option<string[]>("--camera") { Description = "camera to serve (repeatable; default: every camera of the robot)", AllowMultipleArgumentsPerToken = false };
        var noCameras = new Option<bool>("--no-cameras") { Description = "serve no camera" };
        var cameraSize = new Option<string?>("--camera-size") { Description = "render size WxH overriding robot.yaml's (camera_info follows), e.g. 640x480" };
        var cameraRate = new Option<double>("--camera-rate") { Description = "image_raw and camera_info rate in Hz", DefaultValueFactory = _ => 30 };
        var tfRate = new Option<double>("--tf-rate") { Description = "/tf rate in Hz, dividing the physics rate", DefaultValueFactory = _ => 50 };
        var timeout = new Option<double>("--sim-timeout-ms") { Description = "with --clock sim: wall time to wait for a command before a period runs with the held one", DefaultValueFactory = _ => 100 };
        var waitForClient = new Option<bool>("--wait-for-client") { Description = "start the clock only once a client subscribes to /joint_states" };
        var faults = new Option<string[]>("--fault")
        {
            Description = "fault to inject (repeatable): KIND[,at=S][,duration=S][,magnitude=X][,jitter=S][,direction=X:Y:Z]; kinds: stop_joint_states, freeze_joint_states, drop_camera, command_latency, push, sensor_noise",
        };
        var command = new Command("serve", "Serve one MuJoCo robot over ROS 2 as a ros2_control robot: /joint_states, position and trajectory commands, PD gains, cameras, IMU, odometry, /tf, the task's target and score, resets and faults. ROS arguments follow --ros-args.")
        {
            robot, task, world, clock, rate, duration, seed, cameras, noCameras, cameraSize, cameraRate, tfRate, timeout, waitForClient, faults,
        };
        // --ros-args and what follows it are ROS's; the parser leaves them unmatched.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            var (ros, others) = RosArguments.Split(parse.UnmatchedTokens);
            if (others.Length > 0)
            {
                throw new ArgumentException($"unknown argument '{others[0]}' (ROS arguments go after --ros-args)");
            }

            var options = new SimServeOptions
            {
                Robot = parse.GetValue(robot)!,
                Task = parse.GetValue(task),
                World = parse.GetValue(world)!,
                Clock = ParseClock(parse.GetValue(clock)!),
                JointStateRateHz = parse.GetValue(rate),
                DurationS = parse.GetValue(duration),
                Seed = parse.GetValue(seed),
                Cameras = parse.GetValue(noCameras) ? [] : parse.GetValue(cameras) is { Length: > 0 } named ? named : null,
                CameraWidth = ParseSize(parse.GetValue(cameraSize))?.Width,
                CameraHeight = ParseSize(parse.GetValue(cameraSize))?.Height,
                CameraRateHz = parse.GetValue(cameraRate),
                TfRateHz = parse.GetValue(tfRate),
                SimClockTimeout = TimeSpan.FromMilliseconds(parse.GetValue(timeout)),
                WaitForClient = parse.GetValue(waitForClient),
                Faults = [.. (parse.GetValue(faults) ?? []).Select(f => FaultSpec.Parse(f))],
                Ros = ros,
            };
            try
            {
                return Serve(options, writer);
            }
            catch (Exception e) when (e is RosTransportException or NativeLibraryMissingException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"sim2real sim serve: error: {e.Message}");
                return CommandRunner.Failed;
            }
        });
        return command;
    }

    private static int Serve(SimServeOptions options, TextWriter writer)
    {
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var server = SimRobotServer.Create(options, RosOptions.FromEnvironment(options.NodeName), writer);
        writer.WriteLine($"serving {server.Description}");
        foreach (var (topic, type) in server.Topics)
        {
            writer.WriteLine($"  {topic} [{type}]");
        }

        writer.Flush();
        server.Run(stop.Token);
        writer.WriteLine($"stopped after {server.Summary}");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static ClockMode ParseClock(string text) => text.ToLowerInvariant() switch
    {
        "wall" => ClockMode.Wall,
        "sim" => ClockMode.Sim,
        _ => throw new ArgumentException($"--clock must be wall or sim, got '{text}'"),
    };

    private static (int Width, int Height)? ParseSize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('x', 'X');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            ? (w, h)
            : throw new ArgumentException($"--camera-size must be WIDTHxHEIGHT, e.g. 640x480, got '{text}'");
    }
}
