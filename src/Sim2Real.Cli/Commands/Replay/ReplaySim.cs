using System.CommandLine;
using System.Globalization;
using System.Text;
using Sim2Real.Files;
using Sim2Real.Replay.Logs;
using Sim2Real.Replay.Simulation;
using Sim2Real.Sim.Robots;

namespace Sim2Real.Cli.Commands.Replay;

/// <summary><c>replay sim LOG</c>: the logged commands open-loop in the nominal simulator from the logged initial state; per-joint divergence.</summary>
internal static class ReplaySim
{
    public static Command Create()
    {
        var log = new Argument<string>("log") { Description = "The deployment log (.mcap)" };
        var robot = new Option<string?>("--robot") { Description = "The robot (default: the log's deployment metadata)" };
        var episode = new Option<int>("--episode") { Description = "Which episode of a log with /sim/reset boundaries (0-based)" };
        var task = new Option<string?>("--task") { Description = "The task whose scene to simulate (default: the log's, else the robot's first scene)" };
        var out_ = new Option<string?>("--out") { Description = "CSV of the per-step, per-joint divergence" };
        var command = new Command("sim", "Set the simulator to a log's initial state, apply the logged commands open-loop and report the per-step, per-joint divergence from the logged trajectory.");
        command.Arguments.Add(log);
        foreach (var option in new Option[] { robot, task, episode, out_ })
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
            var config = RobotCatalog.Discover().Load(deployment.Robot(parse.GetValue(robot)));
            var result = SimReplay.Run(deployment, config, parse.GetValue(task), parse.GetValue(episode));
            Print(result, output);
            if (csv is not null)
            {
                AtomicFile.Write(csv, stream => WriteCsv(stream, result));
                output.WriteLine($"per-step divergence -> {csv}");
            }

            return 0;
        });
        return command;
    }

    public static void Print(SimReplayResult result, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Log}: {result.CommandsApplied} commands applied open-loop to {result.Robot} in the nominal simulator (timestep {result.TimestepS * 1000:0.###} ms), {result.Samples} joint states compared over {(result.Samples == 0 ? 0 : result.Times[^1]):0.00} s"));
        var q = result.PositionRmse();
        var v = result.VelocityRmse();
        output.WriteLine($"  {"joint",-16} {"position RMSE (rad)",20} {"velocity RMSE (rad/s)",22}");
        for (var j = 0; j < q.Length; j++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {result.Joints[j],-16} {q[j],20:0.000e+0} {v[j],22:0.000e+0}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  max position error: {result.MaxPositionError():0.000e+0} rad"));
    }

    private static void WriteCsv(Stream stream, SimReplayResult result)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        writer.WriteLine("time_s,joint,logged_position_rad,simulated_position_rad,position_error_rad,logged_velocity_rad_s,simulated_velocity_rad_s,velocity_error_rad_s,commanded_rad");
        for (var i = 0; i < result.Samples; i++)
        {
            for (var j = 0; j < result.Joints.Count; j++)
            {
                var (lq, sq, lv, sv) = (result.LoggedPosition[i][j], result.SimulatedPosition[i][j], result.LoggedVelocity[i][j], result.SimulatedVelocity[i][j]);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Times[i]:R},{result.Joints[j]},{lq:R},{sq:R},{sq - lq:R},{lv:R},{sv:R},{sv - lv:R},{result.Commanded[i][j]:R}"));
            }
        }
    }
}
