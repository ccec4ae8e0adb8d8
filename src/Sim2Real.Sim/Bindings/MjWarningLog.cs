using System.Collections.Concurrent;

namespace Sim2Real.Sim.Bindings;

/// <summary>
/// Every message MuJoCo passed to mju_warning in this process (the default handler would append to MUJOCO_LOG.TXT
/// in the working directory). Per-data counts live in <see cref="MjData.warning"/>; this log adds the text and
/// warnings raised outside a step (e.g. while loading).
/// </summary>
public static class MjWarningLog
{
    private const int Keep = 256;
    private static readonly ConcurrentQueue<string> Recent = new();
    private static long _total;

    /// <summary>How many warnings MuJoCo has raised in this process.</summary>
    public static long Total => Interlocked.Read(ref _total);

    /// <summary>The most recent warning messages (up to 256), oldest first.</summary>
    public static IReadOnlyList<string> Snapshot() => [.. Recent];

    /// <summary>Raised on the thread that triggered the warning.</summary>
    public static event Action<string>? Raised;

    internal static void Add(string message)
    {
        Interlocked.Increment(ref _total);
        Recent.Enqueue(message);
        while (Recent.Count > Keep && Recent.TryDequeue(out _))
        {
        }

        Raised?.Invoke(message);
    }
}
