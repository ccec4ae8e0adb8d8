using System.CommandLine;
using System.Globalization;
using Sim2Real.Cli.ConsoleDisplay;
using Sim2Real.Core;
using Sim2Real.Native;
using Sim2Real.Robotics.Policies;
using Sim2Real.Ros;
using Sim2Real.Ros.Transport;
using Sim2Real.Runtime.Hosting;
using Sim2Real.Runtime.Safety;
using Sim2Real.Training;

namespace Sim2Real.Cli.Commands.Deploy;

/// <summary>
/// <c>deploy --launch F [--duration S] [--episodes N] [--expect-trip RULE] [--policy P] [--no-record]</c>: loads and
/// checks the deployment description and its policy, then runs the policy loop on ROS 2 with a live status line and
/// prints the summary. Exit 0 only when nothing unexpected tripped.
/// </summary>
internal static class DeployVerb
{
    public static Command Create()
    {
        var launch = new Option<string>("--launch") { Description = "deployment description, e.g. launch/arm6_reach_sim.yaml", Required = true };
        var flags = new DeployFlags();
        var command = new Command("deploy", "Run a policy on a robot over ROS 2 under the safety watchdogs, as a launch/ file describes: live status, summary, MCAP log. "
            + "Exit codes: 0 ok; 1 the run failed (unexpected trip, expected trip missing, refused by the live robot); 2 bad input, nothing published.");
        command.Options.Add(launch);
        flags.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(flags.Parse(parse, parse.GetValue(launch)!),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(DeployRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        DeploymentSession session;
        DeploymentRunOptions options;
        try
        {
            request.Validate();
            var ros = RosArguments.ParseLeftovers(request.RosArguments, "deploy");

            session = DeploymentSession.Open(request.Launch, request.Policy, ros);
            var d = session.Plan.Description;
            options = new DeploymentRunOptions
            {
                Duration = request.DurationS is { } s ? TimeSpan.FromSeconds(s) : null,
                Episodes = request.Episodes,
                ExpectTrip = request.ExpectTrip,
                Ros = RosOptions.FromEnvironment(d.Node.Name),
                Output = output,
                // StatusAsync below decides whether the status line is drawn live (a terminal) or printed every few seconds.
                LiveStatus = false,
                RecordPath = request.Record && d.Logging.Record ? request.RecordTo ?? DefaultRecordPath(d.Logging.Directory, d.Name) : null,
                GitCommit = GitCommit.Find(Path.GetDirectoryName(d.Source)),
                CommandLine = string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };
        }
        catch (Exception e) when (IsBadInput(e))
        {
            await error.WriteLineAsync($"sim2real deploy: error: {e.Message}");
            return DeployExitCodes.BadInput;
        }

        using (session)
        {
            DeploymentSummary summary;
            try
            {
                output.WriteLine($"deploy {session.Plan.Description.Name}: {session.Plan.Loop.Policy} on {session.Plan.Description.Robot.Name}, control every {session.Plan.Description.ControlPeriodS.ToString("0.###", CultureInfo.InvariantCulture)} s, policy every {session.Plan.Description.PolicyPeriodS.ToString("0.###", CultureInfo.InvariantCulture)} s{(options.RecordPath is { } p ? $", recording to {p}" : ", not recording")}");
                summary = await LiveProgress.StatusAsync(output, $"deploy {session.Plan.Description.Name}: starting", (writer, live) =>
                    session.RunAsync(options with { Output = writer, LiveStatus = live }, cancellationToken));
            }
            catch (OperationCanceledException)
            {
                await error.WriteLineAsync("sim2real deploy: interrupted before the loop ran; nothing was commanded");
                return DeployExitCodes.Interrupted;
            }
            catch (Exception e) when (IsBadInput(e))
            {
                await error.WriteLineAsync($"sim2real deploy: error: {e.Message}");
                return DeployExitCodes.BadInput;
            }

            output.Write(SummaryText.Describe(summary));
            if (request.SummaryJson is { } json)
            {
                var text = System.Text.Encoding.UTF8.GetBytes(SummaryText.Json(summary));
                Files.AtomicFile.Write(json, stream => stream.Write(text));
            }

            return summary.ExitCode == 0 ? DeployExitCodes.Ok : DeployExitCodes.Failed;
        }
    }

    public static string DefaultRecordPath(string directory, string name) =>
        Path.Combine(directory, $"{name}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.mcap");

    private static bool IsBadInput(Exception e) => e is InvalidConfigException or PolicyMismatchException or RosTransportException
        or NativeLibraryMissingException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or IOException;
}
