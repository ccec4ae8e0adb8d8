using Sim2Real.Core;

namespace Sim2Real.Mcap.Play;

/// <summary>How <c>log play</c> republishes a log, as <c>ros2 bag play</c>'s options.</summary>
public sealed record LogPlayerOptions
{
    /// <summary>Playback speed: 2 plays twice as fast (<c>--rate</c>).</summary>
    public double Rate { get; init; } = 1.0;

    /// <summary>Start again from the first message after the last (<c>--loop</c>).</summary>
    public bool Loop { get; init; }

    /// <summary>Publish /clock at this rate in Hz with the log's time (<c>--clock</c>); 0: no clock. ros2 bag play's default is 40 Hz.</summary>
    public double ClockHz { get; init; }

    /// <exception cref="InvalidConfigException">Names the flag.</exception>
    public void Validate()
    {
        if (!(Rate > 0 && Rate <= 1000))
        {
            throw new InvalidConfigException("command line", "--rate", $"must be more than 0 and at most 1000, got {Rate}");
        }

        if (!(ClockHz >= 0 && ClockHz <= 1000))
        {
            throw new InvalidConfigException("command line", "--clock", $"must be 0 (off) to 1000 Hz, got {ClockHz}");
        }
    }
}
