using Sim2Real.Core;

namespace Sim2Real.Cli.Commands;

/// <summary>
/// Bounds on counts that size work (threads, environments): a bad value is one line naming the flag, and a huge one
/// is refused rather than left to hang the machine.
/// </summary>
internal static class FlagBounds
{
    /// <summary>Environments one process steps at most (each holds its own model and data, about a megabyte or more).</summary>
    public const int MaxEnvironments = 1024;

    /// <summary>Worker threads at most: beyond a few per core they only queue.</summary>
    public static int MaxThreads => 4 * Environment.ProcessorCount;

    /// <exception cref="InvalidConfigException">The value is below 1 or above <paramref name="maximum"/>.</exception>
    public static int Count(int value, string flag, int maximum, string why)
    {
        if (value < 1 || value > maximum)
        {
            throw new InvalidConfigException("command line", flag, $"must be 1 to {maximum} ({why}), got {value}");
        }

        return value;
    }

    public static int Threads(int value, string flag = "--threads") =>
        Count(value, flag, MaxThreads, $"4 per core on this machine's {Environment.ProcessorCount}");

    public static int Environments(int value, string flag = "--envs") =>
        Count(value, flag, MaxEnvironments, "the cap per process --help states");
}
