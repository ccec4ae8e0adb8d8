using System.CommandLine;
using System.Globalization;
using Sim2Real.Cli.Commands.Deploy;
using Sim2Real.Cli.ConsoleDisplay;
using Sim2Real.Core;
using Sim2Real.Ros;
using Sim2Real.Ros.Messages.GeometryMsgs;
using Sim2Real.Ros.Transport;
using Sim2Real.Runtime.Launch;

namespace Sim2Real.Cli.Commands.Launch;

/// <summary>
/// <c>launch F</c>: like <c>ros2 launch</c>, starts every process the deployment description names: <c>sim serve</c>
/// when the robot is simulated (its <c>simulator:</c> section), the operator's velocity command when it gives one,
/// and <c>deploy</c> with its recorder; stops them together when the deployment ends, fails or is interrupted.
/// </summary>
internal static class LaunchVerb
{
    private static readonly TimeSpan ServeStartup = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    public static Command Create()
    {
        var file = new Argument<string>("launch_file") { Description = "deployment description, e.g. launch/arm6_reach_sim.yaml" };
        var flags = new DeployFlags();
        var faults = new Option<string[]>("--fault") { Description = "a fault for sim serve to inject (repeatable; sim serve --fault's syntax)" };
        var command = new Command("launch", "Start every process a launch/ file names (sim serve for a simulated robot, deploy with its recorder), like `ros2 launch`, and stop them together. Exit code: deploy's.");
        command.Arguments.Add(file);
        // --ros-args remaps go to every process it starts, so the served robot and the runtime meet on the same
        // names (a node-scoped rule, node:old:=new, reaches only its node).
        flags.AddTo(command);
        command.Options.Add(faults);
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, flags.Parse(parse, parse.GetValue(file)!),
            parse.GetValue(faults) ?? [], parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string launch, DeployRequest request, string[] faults, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        DeploymentDescription description;
        try
        {
            request.Validate();
            var ros = RosArguments.ParseLeftovers(request.RosArguments, "launch");

            // One node name for several nodes makes two nodes of one name. A namespace would move sim serve's relative
            // names but not the launch file's absolute ones, and the two would no longer meet: refuse both.
            if (ros.NodeName is not null || ros.Namespace is not null)
            {
                var rule = ros.NodeName is not null ? $"__node:={ros.NodeName}" : $"__ns:={ros.Namespace}";
                throw new InvalidConfigException(RosArguments.Flag, rule,
                    "launch starts several nodes: name the runtime in the launch file's node: section, and move topics with remaps (-r /joint_states:=/robot1/joint_states) or in its topics: section");
            }

            description = DeploymentFile.Load(launch, request.Policy);
        }
        catch (InvalidConfigException e)
        {
            await error.WriteLineAsync($"sim2real launch: error: {e.Message}");
            return DeployExitCodes.BadInput;
        }

        if (description.Simulator is null)
        {
            if (faults.Length > 0)
            {
                await error.WriteLineAsync($"sim2real launch: error: --fault: {description.Source} describes a physical robot (no simulator: section); faults are sim serve's");
                return DeployExitCodes.BadInput;
            }

            // A physical robot: its drivers are already running; only the runtime is ours to start.
            return await DeployVerb.RunAsync(request, output, error, cancellationToken);
        }

        // One live display for both processes: sim serve's echoed lines print above deploy's status.
        return await LiveProgress.StatusAsync(output, $"launch {description.Name}: starting sim serve", (writer, _) =>
            RunSimulatedAsync(description, request, faults, writer, error, cancellationToken));
    }

    private static async Task<int> RunSimulatedAsync(DeploymentDescription description, DeployRequest request, string[] faults, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var serve = ChildProcess.StartSelf("sim serve", [.. ServeArguments(description, faults), .. request.RosArguments], "serving ", output);
        try
        {
            try
            {
                await serve.Ready.WaitAsync(ServeStartup, cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                await error.WriteLineAsync($"sim2real launch: error: sim serve did not start: {e.Message}");
                return DeployExitCodes.Failed;
            }
            catch (OperationCanceledException)
            {
                return DeployExitCodes.Interrupted;
            }

            using var teleop = description.Simulator!.VelocityCommand is { } v ? VelocityCommand(description, v) : null;
            var code = await DeployVerb.RunAsync(request, output, error, cancellationToken);
            if (serve.HasExited)
            {
                await error.WriteLineAsync($"sim2real launch: sim serve exited early with code {serve.ExitCode}");
                return DeployExitCodes.Failed;
            }

            return code;
        }
        finally
        {
            await serve.StopAsync(StopGrace);
        }
    }

    private static List<string> ServeArguments(DeploymentDescription d, string[] faults)
    {
        var sim = d.Simulator!;
        var robot = Path.GetFileName(Path.GetDirectoryName(d.Robot.Source))!;
        var args = new List<string>
        {
            "sim", "serve", "--robot", robot, "--task", sim.Task!, "--world", sim.World,
            "--seed", sim.Seed.ToString(CultureInfo.InvariantCulture),
            "--clock", d.Clock == ClockSource.Sim ? "sim" : "wall",
            // Lockstep must hold on a loaded machine: a late command is waited for, not replaced by the held one.
            "--sim-timeout-ms", "2000",
        };
        if (d.Camera is { } camera)
        {
            args.AddRange(["--camera", camera.Name]);
        }
        else
        {
            args.Add("--no-cameras");
        }

        foreach (var fault in faults)
        {
            args.AddRange(["--fault", fault]);
        }

        return args;
    }

    private static VelocityTeleop VelocityCommand(DeploymentDescription d, double[] v)
    {
        var node = new RosNode(RosOptions.FromEnvironment("sim2real_launch_teleop"));
        var topic = d.Topics.TaskCommand(target: false);
        var publisher = node.CreatePublisher<Twist>(topic.Name, QosProfile.Latched);
        publisher.Publish(new Twist { Linear = new Vector3 { X = v[0], Y = v[1] }, Angular = new Vector3 { Z = v[2] } });
        return new VelocityTeleop(node, publisher);
    }
}
