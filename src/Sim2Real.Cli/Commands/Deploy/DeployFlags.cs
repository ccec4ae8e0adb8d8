using System.CommandLine;
using Sim2Real.Runtime.Safety;

namespace Sim2Real.Cli.Commands.Deploy;

/// <summary>The options <c>deploy</c> and <c>launch</c> share, and the <see cref="DeployRequest"/> they parse into.</summary>
internal sealed class DeployFlags
{
    private readonly Option<double?> _duration = new("--duration") { Description = "seconds to run on the deployment's clock (sim seconds under clock: sim); default: until Ctrl+C or the episodes are done" };
    private readonly Option<int?> _episodes = new("--episodes") { Description = "run N scored episodes on a simulated robot (/sim/reset, /task/metrics)" };
    private readonly Option<string?> _expectTrip = new("--expect-trip") { Description = $"the rule a fault-injection run expects to trip (exit 0 only if it does and nothing else does): {string.Join(", ", RuleNames.Trippable)}" };
    private readonly Option<string?> _policy = new("--policy") { Description = "deploy this policy file (.safetensors, or .onnx/.pt with its sidecar) instead of the launch file's" };
    private readonly Option<bool> _noRecord = new("--no-record") { Description = "do not write the MCAP log (recording is on by default: runs/deploy/<name>-<time>.mcap)" };
    private readonly Option<string?> _recordTo = new("--record-to") { Description = "write the MCAP log here instead (never overwritten)" };
    private readonly Option<string?> _summaryJson = new("--summary-json") { Description = "also write the summary as JSON to this file" };

    /// <summary>
    /// Adds the options to <paramref name="command"/>, and lets its unmatched tokens through: <c>--ros-args</c> and
    /// what follows it are ROS's (remaps, __ns, __node), checked by <see cref="Ros.RosArguments.ParseLeftovers"/>.
    /// </summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _duration, _episodes, _expectTrip, _policy, _noRecord, _recordTo, _summaryJson })
        {
            command.Options.Add(option);
        }

        command.TreatUnmatchedTokensAsErrors = false;
    }

    public DeployRequest Parse(ParseResult parse, string launch) => new()
    {
        Launch = launch,
        DurationS = parse.GetValue(_duration),
        Episodes = parse.GetValue(_episodes),
        ExpectTrip = parse.GetValue(_expectTrip),
        Policy = parse.GetValue(_policy),
        Record = !parse.GetValue(_noRecord),
        RecordTo = parse.GetValue(_recordTo),
        SummaryJson = parse.GetValue(_summaryJson),
        RosArguments = [.. parse.UnmatchedTokens],
    };
}
