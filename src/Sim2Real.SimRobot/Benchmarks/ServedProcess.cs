using System.Diagnostics;

namespace Sim2Real.SimRobot.Benchmarks;

/// <summary>
/// <c>sim serve</c> in a child process, as the runtime meets a robot: started, waited on until its first episode
/// starts, then stopped (SIGKILL at the latest) when the part is done.
/// </summary>
internal sealed class ServedProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task<string> _stderr;

    private ServedProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _ready.TrySetException(new InvalidOperationException($"sim serve ended before it was ready: {(_stderr!.IsCompleted ? _stderr.Result : "")}".TrimEnd()));
            }
            else if (e.Data.StartsWith("episode 0 ", StringComparison.Ordinal))
            {
                _ready.TrySetResult();
            }
        };
        _stderr = _process.StandardError.ReadToEndAsync();
        _process.BeginOutputReadLine();
    }

    public static ServedProcess Start(ProcessStartInfo start, TimeSpan patience)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var served = new ServedProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}"));
        try
        {
            if (!served._ready.Task.Wait(patience))
            {
                throw new TimeoutException($"sim serve did not start serving within {patience.TotalSeconds:0} s");
            }

            return served;
        }
        catch
        {
            served.Dispose();
            throw;
        }
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
