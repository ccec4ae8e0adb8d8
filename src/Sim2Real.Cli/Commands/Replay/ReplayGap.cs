using System.CommandLine;
using System.Globalization;
using Sim2Real.Replay.Gap;
using Sim2Real.Replay.Logs;
using Sim2Real.Replay.Simulation;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Cli.Commands.Replay;

/// <summary><c>replay gap LOG... --out DIR</c>: the sim-vs-real gap report of one or more logs, side by side.</summary>
internal static class ReplayGap
{
    public static Command Create()
    {
        var logs = new Argument<string[]>("logs") { Description = "Deployment logs (.mcap), e.g. a `sim serve --world nominal` run and a `--world real_like` run", Arity = ArgumentArity.OneOrMore };
        var out_ = new Option<string>("--out") { Description = "New directory for report.md, gap.json and the PNG plots", Required = true };
        var robot = new Option<string?>("--robot") { Description = "The robot (default: each log's deployment metadata)" };
        var episode = new Option<int>("--episode") { Description = "Which episode of a log with /sim/reset boundaries (0-based)" };
        var task = new Option<string?>("--task") { Description = "The task whose scene to simulate (default: each log's)" };
        var command = new Command("gap", "The sim-vs-real gap report: per-joint position and velocity RMSE over the episode and over time, command-to-motion latency by cross-correlation, every log side by side, plots as PNG.");
        command.Arguments.Add(logs);
        foreach (var option in new Option[] { out_, robot, task, episode })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var directory = parse.GetValue(out_)!;
            var catalog = RobotCatalog.Discover();
            var figures = new List<GapFigures>();
            foreach (var path in parse.GetValue(logs)!)
            {
                var deployment = DeploymentLog.Read(path);
                var replay = SimReplay.Run(deployment, catalog.Load(deployment.Robot(parse.GetValue(robot))), parse.GetValue(task), parse.GetValue(episode));
                figures.Add(GapAnalysis.Analyze(replay));
            }

            var files = GapReport.Write(figures, directory);
            foreach (var f in figures)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{f.Label}: position RMSE {f.PositionRmseAll:0.000e+0} rad, velocity RMSE {f.VelocityRmseAll:0.000e+0} rad/s, growth {f.GrowthRadPerS:0.000e+0} rad/s, latency {f.LoggedLatencyMedianS * 1000:0.0} ms (nominal sim {f.SimulatedLatencyMedianS * 1000:0.0} ms)"));
            }

            output.WriteLine($"gap report -> {directory}: {string.Join(", ", files)}");
            return 0;
        });
        return command;
    }
}
