using System.Globalization;
using Sim2Real.Runtime.Episodes;

namespace Sim2Real.Runtime.Recording;

/// <summary>
/// Episode boundaries as MCAP metadata records: <c>episode_start</c> when the simulator began one, <c>episode</c>
/// when it was scored, with times in ns on the log's clock (the same as the messages' log times).
/// </summary>
public static class EpisodeRecords
{
    public static Dictionary<string, string> Start(uint episode, DateTimeOffset at) => new()
    {
        ["episode"] = episode.ToString(CultureInfo.InvariantCulture),
        ["start_time_ns"] = Nanoseconds(at),
    };

    public static Dictionary<string, string> End(EpisodeResult result, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(result);
        var values = new Dictionary<string, string>
        {
            ["episode"] = result.Episode.ToString(CultureInfo.InvariantCulture),
            ["start_time_ns"] = Nanoseconds(from),
            ["end_time_ns"] = Nanoseconds(to),
            ["success"] = result.Success ? "true" : "false",
            ["fallen"] = result.Fallen ? "true" : "false",
            ["steps"] = result.Steps.ToString(CultureInfo.InvariantCulture),
            ["trips"] = string.Join(",", result.Trips),
        };
        foreach (var (name, value) in result.Metrics)
        {
            values["metric." + name] = value.ToString("R", CultureInfo.InvariantCulture);
        }

        return values;
    }

    private static string Nanoseconds(DateTimeOffset at) =>
        (at <= DateTimeOffset.UnixEpoch ? 0UL : Mcap.McapTime.FromDateTimeOffset(at)).ToString(CultureInfo.InvariantCulture);
}
