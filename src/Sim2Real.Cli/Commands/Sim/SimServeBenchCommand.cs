using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sim2Real.Cli.ConsoleDisplay;
using Sim2Real.Ros.Transport;
using Sim2Real.SimRobot.Benchmarks;

namespace Sim2Real.Cli.Commands.Sim;

/// <summary>
/// <c>sim servebench</c>: the served robot's figures as a client in another process sees them (issue 13): joint-state
/// rate and jitter, lockstep steps/s against sim bench on the same scene, 640x480 frames/s, command-to-motion latency.
/// </summary>
internal static class SimServeBenchCommand
{
    public static Command Create()
    {
        var robot = new Option<string>("--robot") { Description = "robot folder name under robots/", DefaultValueFactory = _ => "arm6" };
        var seconds = new Option<double>("--seconds") { Description = "seconds each wall-clock part measures", DefaultValueFactory = _ => 5 };
        var periods = new Option<int>("--periods") { Description = "control periods of the lockstep part", DefaultValueFactory = _ => 500 };
        var samples = new Option<int>("--latency-samples") { Description = "step commands whose latency is measured", DefaultValueFactory = _ => 100 };
        var domain = new Option<int>("--domain") { Description = "ROS_DOMAIN_ID of the benchmark's robot and client", DefaultValueFactory = _ => 201 };
        var json = new Option<bool>("--json") { Description = "end with one JSON line" };
        var command = new Command("servebench", "Measure sim serve from a ROS 2 client in another process: joint_states rate and jitter at 500 Hz, lockstep steps/s against sim bench on the same scene, 640x480 frames/s, command-to-motion latency.")
        {
            robot, seconds, periods, samples, domain, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var options = new ServeBenchmarkOptions
            {
                Robot = parse.GetValue(robot)!,
                SecondsPerPart = parse.GetValue(seconds),
                LockstepPeriods = parse.GetValue(periods),
                LatencySamples = parse.GetValue(samples),
                DomainId = parse.GetValue(domain),
            };
            ServeBenchmarkResult result;
            try
            {
                result = LiveProgress.Status(output, $"sim serve {options.Robot} in another process: measuring", log => ServeBenchmark.Run(options, Serve, log));
            }
            catch (Exception e) when (e is TimeoutException or RosTransportException or InvalidOperationException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"sim2real sim servebench: error: {e.Message}");
                return CommandRunner.Failed;
            }

            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(result, SimJson.Options));
            }

            return 0;
        });
        return command;
    }

    // This same program, serving: `dotnet sim2real.dll sim serve ...` (or the apphost).
    private static ProcessStartInfo Serve(IReadOnlyList<string> args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var self = typeof(SimServeBenchCommand).Assembly.Location;
        IEnumerable<string> all = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [self, "sim", "serve", .. args] : ["sim", "serve", .. args];
        return new ProcessStartInfo(host, all);
    }
}
