using System.Globalization;
using Sim2Real.Core;

namespace Sim2Real.Cli.Commands.Topic;

/// <summary>Bounds on the topic verbs' numeric flags: each bad value is one line naming the flag.</summary>
internal static class TopicOptions
{
    /// <summary>The longest wait or duration a flag takes (one day): beyond it a timer is not what the user meant.</summary>
    public const double MaxSeconds = 86_400;

    /// <summary>
    /// The highest publishing rate: .NET's timers on Linux tick at about 1 ms, so a higher rate would not be honoured.
    /// </summary>
    public const double MaxRateHz = 1_000;

    public static TimeSpan Seconds(double value, string flag, bool allowZero = true)
    {
        var low = allowZero ? value >= 0 : value > 0;
        if (!low || !(value <= MaxSeconds))
        {
            throw new InvalidConfigException("command line", flag,
                string.Create(CultureInfo.InvariantCulture, $"must be {(allowZero ? "0" : "more than 0")} to {MaxSeconds} seconds, got {value}"));
        }

        return TimeSpan.FromSeconds(value);
    }

    public static double Rate(double hz, string flag)
    {
        if (!(hz > 0 && hz <= MaxRateHz))
        {
            throw new InvalidConfigException("command line", flag,
                string.Create(CultureInfo.InvariantCulture, $"must be more than 0 and at most {MaxRateHz} Hz (the timer's resolution is 1 ms), got {hz}"));
        }

        return hz;
    }

    public static int Count(int value, int minimum, string flag, string hint = "", int maximum = int.MaxValue)
    {
        if (value < minimum || value > maximum)
        {
            var range = maximum == int.MaxValue ? $"at least {minimum}" : $"{minimum} to {maximum}";
            throw new InvalidConfigException("command line", flag, $"must be {range}, got {value}{hint}");
        }

        return value;
    }
}
