using Sim2Real.Learning.Checkpoints;
using Sim2Real.Sim.Environments;

namespace Sim2Real.Cli.Demo;

/// <summary>
/// Writes the first state observation of a few held-out episodes as tensor <c>obs</c> [B, D], the input
/// <c>agent act</c> takes, so the demo acts on what the simulator really produced.
/// </summary>
internal static class DemoObservations
{
    public static void Write(string path, string robot, string task, IReadOnlyList<int> seeds)
    {
        using var env = RobotEnvironments.Create(new EnvironmentOptions { Robot = robot, Task = task, Randomize = true });
        var rows = seeds.Select(seed => env.Reset(seed).Observation.State).ToList();
        var width = rows[0].Length;
        var flat = rows.SelectMany(r => r).ToArray();
        SafetensorsWriter.Write(path, [SafeTensor.Create<float>("obs", [rows.Count, width], flat)]);
        Console.WriteLine($"wrote {path}: obs float32 [{rows.Count}, {width}] from {robot}/{task} seeds {string.Join(',', seeds)}");
    }

    /// <summary>The first row of tensor <c>action</c> as the YAML a Float64MultiArray takes on the command line.</summary>
    public static string FirstActionYaml(string path)
    {
        using var file = SafetensorsFile.Open(path);
        var action = file["action"];
        var width = (int)action.Shape[^1];
        var values = action.ToSingles().Take(width).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        return "{data: [" + string.Join(", ", values) + "]}";
    }
}
