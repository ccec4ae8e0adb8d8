using System.Diagnostics;

namespace Sim2Real.Learning.Tests.DrQV2;

/// <summary>Runs python/drqv2_reference.py (the reference agent in torch) with Debian's /usr/bin/python3.</summary>
internal static class ReferencePython
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "python", "drqv2_reference.py");

    public static string Run(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 drqv2_reference.py {string.Join(' ', args)} exited {process.ExitCode}:\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
