using System.Diagnostics;
using System.Text;

namespace Sim2Real.Runtime.Tests.EndToEnd;

/// <summary>
/// One <c>sim2real</c> process (the CLI built beside the tests), in the test's DDS domain on loopback, run from the
/// repository root. Output is collected for the assertion messages; disposing kills it if it still runs.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CliProcess(Process process)
    {
        _process = process;
    }

    public static CliProcess Start(RosDomain domain, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Support.Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sim2real.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        domain.ApplyTo(start);
        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Append(e.Data);
        process.ErrorDataReceived += (_, e) => cli.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits for the exit (a generous bound: it only limits a run that hangs) and returns the exit code.</summary>
    public async Task<int> ExitAsync(TimeSpan bound)
    {
        using var cancel = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sim2real {string.Join(' ', _process.StartInfo.ArgumentList.Skip(1))} did not end within {bound.TotalSeconds} s:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as systemd, docker stop or kill send it: the process may stop in its own way.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL, as a crash or the OOM killer ends a process: no handler runs, nothing is flushed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Waits until the output holds <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan bound)
    {
        var watch = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || watch.Elapsed > bound)
            {
                throw new TimeoutException($"no '{text}' from sim2real {string.Join(' ', _process.StartInfo.ArgumentList.Skip(1))}:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
