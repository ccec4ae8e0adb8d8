using System.Diagnostics;
using System.Text.Json;
using Sim2Real.Vision.Calibration;

namespace Sim2Real.Vision.Benchmarks;

/// <summary>One run of bench/vision_reference.py: Python cv2 doing the bench's work, timed the same way.</summary>
public sealed record VisionReferenceRun(
    string Version,
    LatencySummary Preprocess,
    LatencySummary Read,
    LatencySummary Grab,
    LatencySummary Retrieve,
    double CalibrateBestMs,
    CalibrationFigures Calibration)
{
    public static VisionReferenceRun Run(string script, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start /usr/bin/python3");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed: {stderr.Result}");
        }

        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        LatencySummary Summary(string name) => LatencySummary.From(root.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray());
        var c = root.GetProperty("calibration");
        return new VisionReferenceRun(
            root.GetProperty("version").GetString() ?? "?",
            Summary("preprocess_us"),
            Summary("read_us"),
            Summary("grab_us"),
            Summary("retrieve_us"),
            root.GetProperty("calibrate_ms").EnumerateArray().Min(v => v.GetDouble()),
            new CalibrationFigures(
                c.GetProperty("views").GetInt32(), c.GetProperty("rms").GetDouble(), c.GetProperty("fx").GetDouble(),
                c.GetProperty("fy").GetDouble(), c.GetProperty("cx").GetDouble(), c.GetProperty("cy").GetDouble()));
    }
}
