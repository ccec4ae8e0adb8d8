using System.Diagnostics;

namespace Sim2Real.Learning.Tests;

/// <summary>Runs one of the reference scripts under python/ with Debian's /usr/bin/python3 (which has torch).</summary>
internal static class PythonScript
{
    /// <returns>The script's standard output; a non-zero exit fails the test with both output streams.</returns>
    public static string Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "python", script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 {script} {string.Join(' ', args)} exited {process.ExitCode}:\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
