using System.Diagnostics;

namespace Sim2Real.Ros.Tests;

/// <summary>
/// Waiting for something a DDS peer does (discovery, delivery) that the test cannot step: poll until it holds or a
/// generous deadline passes, then let the test's own assertion say what was wrong. The deadline only bounds a
/// failing run; nothing is asserted about how long the wait took.
/// </summary>
internal static class Eventually
{
    /// <summary>Long enough for discovery on a loaded 2-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>The first non-null value <paramref name="probe"/> returns, or null at the deadline.</summary>
    public static async Task<T?> FindAsync<T>(Func<T?> probe, TimeSpan? timeout = null)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            if (clock.Elapsed >= (timeout ?? Timeout))
            {
                return null;
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>Whether <paramref name="condition"/> came to hold before the deadline.</summary>
    public static async Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        await FindAsync(() => condition() ? "" : null, timeout) is not null;

    /// <summary>
    /// Repeats <paramref name="action"/> (e.g. publishing a volatile or best-effort sample, which a reader that has
    /// not yet matched the writer never sees) until <paramref name="done"/> completes or the deadline passes.
    /// </summary>
    public static async Task<bool> RepeatUntilAsync(Action action, Task done, TimeSpan? every = null, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!done.IsCompleted && clock.Elapsed < (timeout ?? Timeout))
        {
            action();
            await Task.WhenAny(done, Task.Delay(every ?? Poll));
        }

        return done.IsCompleted;
    }
}
