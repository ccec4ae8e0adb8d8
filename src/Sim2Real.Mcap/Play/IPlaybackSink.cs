using Sim2Real.Mcap.Records;

namespace Sim2Real.Mcap.Play;

/// <summary>Where <see cref="LogPlayer"/> sends what it plays: publishers on the log's topics and /clock.</summary>
public interface IPlaybackSink
{
    /// <summary>One logged message, its bytes as recorded (CDR for the ros2 profile).</summary>
    void Publish(McapChannel channel, McapMessage message);

    /// <summary>The log's time now (ns since the epoch), for /clock.</summary>
    void PublishClock(ulong logTime);
}
