using System.CommandLine;
using System.Globalization;
using System.Text;
using Sim2Real.Core;
using Sim2Real.Files;
using Sim2Real.Learning.Policies;
using Sim2Real.Mcap.Deployment;
using Sim2Real.Replay.Logs;
using Sim2Real.Replay.Policy;

namespace Sim2Real.Cli.Commands.Replay;

/// <summary>
/// <c>replay policy LOG [--policy P]</c>: the logged observations and frames through a policy. The logged policy (the
/// one the log names, or a file with the same SHA-256) must give bit-identical actions; the first tick that does not
/// fails the command. Another policy is compared tick by tick.
/// </summary>
internal static class ReplayPolicy
{
    public const int Differs = 2;

    public static Command Create()
    {
        var log = new Argument<string>("log") { Description = "The deployment log (.mcap)" };
        var policy = new Option<string?>("--policy") { Description = "Policy to replay (default: the one the log names); another policy is compared, not checked" };
        var robot = new Option<string?>("--robot") { Description = "The robot the log was recorded on (default: the log's deployment metadata)" };
        var out_ = new Option<string?>("--out") { Description = "CSV of every tick's logged and replayed action (comparison with another policy)" };
        var command = new Command("policy", "Feed a deployment log's observations and frames through the policy: bit-identical actions with the logged policy (fails on the first differing tick), a comparison with another.");
        command.Arguments.Add(log);
        foreach (var option in new Option[] { policy, robot, out_ })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var csv = parse.GetValue(out_);
            if (csv is not null)
            {
                NewOutputFile.Require(csv, "--out");
            }

            var deployment = DeploymentLog.Read(parse.GetValue(log)!);
            var (path, identical) = Choose(deployment, parse.GetValue(policy));
            using var loaded = PolicyFile.Load(path);
            var result = PolicyReplay.Run(deployment, loaded, identical, parse.GetValue(robot));
            if (identical)
            {
                if (result.Mismatch is { } mismatch)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"sim2real replay policy: {deployment.File}: not bit-identical at {mismatch} ({result.Ticks - 1} ticks before it were)");
                    return Differs;
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{deployment.File}: {result.Ticks} ticks in {result.Episodes} episode(s) through {path}: every action bit-identical to the log"));
                return 0;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{deployment.File}: {result.Ticks} ticks in {result.Episodes} episode(s) through {path} (not the logged policy): action differences per joint"));
            output.WriteLine($"  {"joint",-16} {"mean |d|",10} {"max |d|",10} {"rms",10}");
            foreach (var d in result.Differences)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {d.Joint,-16} {d.MeanAbsolute,10:0.00000} {d.MaxAbsolute,10:0.00000} {d.Rms,10:0.00000}"));
            }

            if (csv is not null)
            {
                AtomicFile.Write(csv, stream => WriteCsv(stream, loaded.Manifest.Robot.Joints.Select(j => j.Name).ToList(), result));
                output.WriteLine($"comparison -> {csv}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The policy to run and whether it is the logged one (same bytes), which must then be bit-identical.</summary>
    private static (string Path, bool Identical) Choose(DeploymentLog log, string? given)
    {
        log.Metadata.TryGetValue(DeploymentLogMetadata.PolicySha256, out var loggedSha);
        if (given is null)
        {
            var logged = log.Metadata.TryGetValue(DeploymentLogMetadata.Policy, out var p) && p.Length > 0 ? p
                : throw new InvalidConfigException(log.File, $"metadata '{DeploymentLogMetadata.Name}'.{DeploymentLogMetadata.Policy}", "the log does not name its policy; give it with --policy");
            if (!File.Exists(logged))
            {
                throw new InvalidConfigException(log.File, $"metadata '{DeploymentLogMetadata.Name}'.{DeploymentLogMetadata.Policy}", $"the logged policy {logged} is not here; give its copy with --policy");
            }

            if (loggedSha is not null && DeploymentLogMetadata.PolicySha256Of(logged) is var sha && sha != loggedSha)
            {
                throw new InvalidConfigException(logged, "sha256", $"is {sha}, but {log.File} was recorded with {loggedSha}: the file changed since the run; give the policy the run used with --policy");
            }

            return (logged, true);
        }

        if (!File.Exists(given))
        {
            throw new FileNotFoundException($"{given}: no such policy file", given);
        }

        var same = loggedSha is not null
            ? DeploymentLogMetadata.PolicySha256Of(given) == loggedSha
            : log.Metadata.TryGetValue(DeploymentLogMetadata.Policy, out var named) && Path.GetFullPath(named) == Path.GetFullPath(given);
        return (given, same);
    }

    private static void WriteCsv(Stream stream, IReadOnlyList<string> joints, PolicyReplayResult result)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        writer.WriteLine("tick,joint,logged,replayed,difference");
        foreach (var (tick, logged, replayed) in result.Actions)
        {
            for (var j = 0; j < logged.Length; j++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tick},{joints[j]},{logged[j]:R},{replayed[j]:R},{replayed[j] - logged[j]:R}"));
            }
        }
    }
}
