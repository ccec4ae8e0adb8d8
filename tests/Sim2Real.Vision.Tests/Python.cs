using System.Diagnostics;
using System.Text.Json;

namespace Sim2Real.Vision.Tests;

/// <summary>Runs Debian's /usr/bin/python3 (with cv2) for cross-checks and parses the JSON it prints.</summary>
internal static class Python
{
    public static JsonElement RunJson(string script, params string[] args)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 {script} failed: {stderr.Result}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    public static double[] Doubles(this JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(x => x.GetDouble()).ToArray();
}
