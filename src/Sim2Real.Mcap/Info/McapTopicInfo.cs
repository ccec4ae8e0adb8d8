using System.Globalization;

namespace Sim2Real.Mcap.Info;

/// <summary>
/// One channel of a log: its topic, schema name (null when the channel has none), message count, the log times of
/// its first and last message (0 when its chunks carry no message index), and message encoding.
/// </summary>
public sealed record McapTopicInfo(string Topic, string? Type, ulong Count, ulong FirstNs, ulong LastNs, string MessageEncoding)
{
    /// <summary>Messages per second over the span between the first and last; null with fewer than two messages or no span.</summary>
    public double? RateHz => Count > 1 && LastNs > FirstNs ? (Count - 1) / ((LastNs - FirstNs) / 1e9) : null;

    /// <summary>The rate as <c>ros2 bag info</c> would show it, or <c>-</c> when there is none.</summary>
    public string RateText => RateHz is { } hz ? string.Create(CultureInfo.InvariantCulture, $"{hz:0.###} Hz") : "-";
}
