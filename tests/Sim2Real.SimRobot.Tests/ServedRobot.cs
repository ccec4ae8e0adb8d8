using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sim2Real.SimRobot.Tests;

/// <summary>`sim2real sim serve ...` in a child process: the robot the tests reach only over ROS 2.</summary>
internal sealed class ServedRobot : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task<string> _stderr;

    private ServedRobot(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _ready.TrySetException(new InvalidOperationException($"sim serve ended before it was ready: {Output}"));
                return;
            }

            _lines.Enqueue(e.Data);
            if (e.Data.StartsWith("serving ", StringComparison.Ordinal))
            {
                _ready.TrySetResult();
            }
        };
        _process.BeginOutputReadLine();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>What it printed so far.</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>The topics it said it serves, with their types (the "  /topic [type]" lines).</summary>
    public IReadOnlyList<string> ServedTopics => [.. _lines.Where(l => l.StartsWith("  /", StringComparison.Ordinal)).Select(l => l.Trim())];

    /// <summary>Starts the robot and waits until it prints that it is serving.</summary>
    public static async Task<ServedRobot> StartAsync(params string[] args)
    {
        var robot = new ServedRobot(Process.Start(ServeTestEnvironment.Start("dotnet", [ServeTestEnvironment.Cli, "sim", "serve", .. args]))!);
        try
        {
            await robot._ready.Task.WaitAsync(TimeSpan.FromSeconds(120));
            return robot;
        }
        catch
        {
            robot.Dispose();
            throw;
        }
    }

    /// <summary>Waits for it to stop by itself (--duration) and returns its exit code, stdout and stderr.</summary>
    public async Task<(int Code, string Stdout, string Stderr)> ExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(300));
        _process.WaitForExit();
        return (_process.ExitCode, Output, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
