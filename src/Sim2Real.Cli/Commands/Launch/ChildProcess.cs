using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sim2Real.Cli.Commands.Launch;

/// <summary>
/// A process <c>launch</c> started: another <c>sim2real</c> verb, its lines echoed with a prefix (as ros2 launch
/// prefixes each node's output), stopped with SIGINT (as Ctrl+C would) and killed only if it ignores that.
/// </summary>
internal sealed partial class ChildProcess : IDisposable
{
    private const int SigInt = 2;
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _readyLine;

    private ChildProcess(Process process, string readyLine)
    {
        _process = process;
        _readyLine = readyLine;
    }

    public string Name { get; private init; } = "";

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Completes when the child prints a line starting with the ready line.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Starts this same program with <paramref name="args"/>.</summary>
    public static ChildProcess StartSelf(string name, IEnumerable<string> args, string readyLine, TextWriter output)
    {
        var start = SelfStartInfo(args);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process, readyLine) { Name = name };
        process.OutputDataReceived += (_, e) => child.Echo(e.Data, output);
        process.ErrorDataReceived += (_, e) => child.Echo(e.Data, output);
        process.Exited += (_, _) => child._ready.TrySetException(new InvalidOperationException($"{name} exited with code {process.ExitCode} before it was ready"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Asks the child to stop (SIGINT) and waits; kills it after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = Kill(_process.Id, SigInt);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>
    /// How to start this same program with <paramref name="args"/>, as the user started it: <c>dotnet sim2real.dll</c>
    /// during development, or the apphost.
    /// </summary>
    public static ProcessStartInfo SelfStartInfo(IEnumerable<string> args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private void Echo(string? line, TextWriter output)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(_readyLine, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }

        lock (output)
        {
            output.WriteLine($"[{Name}] {line}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
