using System.Reactive.Concurrency;
using Sim2Real.Core;
using Sim2Real.Mcap.Play;
using Sim2Real.Mcap.Records;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Transport;
using StdString = Sim2Real.Ros.Messages.StdMsgs.String;

namespace Sim2Real.Mcap.Tests;

public sealed class LogPlayerTests : IDisposable
{
    private static readonly DateTimeOffset Origin = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly double[] Offsets = [0, 0.1, 0.5, 1.0];
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Republishes_each_message_at_its_original_offset_from_the_first()
    {
        var (published, _, done) = Play(new LogPlayerOptions(), TimeSpan.FromSeconds(5));

        Assert.Equal(Offsets, published.Select(p => p.At));
        Assert.Equal(["m0", "m1", "m2", "m3"], published.Select(p => p.Text));
        Assert.True(done);
    }

    [Fact]
    public void Plays_twice_as_fast_at_rate_two()
    {
        var (published, _, _) = Play(new LogPlayerOptions { Rate = 2 }, TimeSpan.FromSeconds(5));

        Assert.Equal(Offsets.Select(o => o / 2), published.Select(p => p.At));
    }

    [Fact]
    public void Starts_again_after_the_last_message_when_looping()
    {
        var (published, _, done) = Play(new LogPlayerOptions { Loop = true }, TimeSpan.FromSeconds(2.05));

        // Each loop starts where the last ended: its first message goes out with the last one of the loop before.
        Assert.Equal([0, 0.1, 0.5, 1.0, 1.0, 1.1, 1.5, 2.0, 2.0], published.Select(p => p.At));
        Assert.False(done);
    }

    [Fact]
    public void Publishes_the_logs_time_on_clock_at_the_chosen_rate()
    {
        var (_, clock, _) = Play(new LogPlayerOptions { ClockHz = 10, Rate = 0.5 }, TimeSpan.FromSeconds(1));

        // 10 Hz of wall time at half speed: each tick the log's clock moves 50 ms.
        Assert.Equal(11, clock.Count);
        Assert.Equal([.. Enumerable.Range(0, 11).Select(i => SampleLog.Start + ((ulong)i * 50_000_000))], clock);
    }

    [Fact]
    public void Refuses_a_rate_that_is_not_positive_naming_the_flag()
    {
        var e = Assert.Throws<InvalidConfigException>(() => new LogPlayer([_dir.File("none.mcap")], new LogPlayerOptions { Rate = 0 }));

        Assert.Contains("--rate", e.Message, StringComparison.Ordinal);
    }

    private (List<(double At, string Text)> Published, List<ulong> Clock, bool Done) Play(LogPlayerOptions options, TimeSpan duration)
    {
        var path = _dir.File($"play-{Guid.NewGuid():N}.mcap");
        using (var writer = McapWriter.Create(path))
        {
            var channel = writer.AddRos2Channel("/chatter", RosMessageTypes.Get(StdString.TypeName), [QosProfile.Default]);
            for (var i = 0; i < Offsets.Length; i++)
            {
                var t = SampleLog.Start + McapTime.FromSeconds(Offsets[i]);
                writer.WriteRos2(channel, new StdString { Data = $"m{i}" }, t, t);
            }
        }

        var scheduler = new HistoricalScheduler(Origin);
        var sink = new RecordingSink(scheduler);
        var done = false;
        using var playing = new LogPlayer([path], options).Start(scheduler, sink, error =>
        {
            Assert.Null(error);
            done = true;
        });
        scheduler.AdvanceBy(duration);
        return (sink.Published, sink.Clock, done);
    }

    private sealed class RecordingSink(IScheduler scheduler) : IPlaybackSink
    {
        public List<(double At, string Text)> Published { get; } = [];

        public List<ulong> Clock { get; } = [];

        public void Publish(McapChannel channel, McapMessage message) =>
            Published.Add((Math.Round((scheduler.Now - Origin).TotalSeconds, 6), RosMessage.Decode<StdString>(message.Data.Span).Data));

        public void PublishClock(ulong logTime) => Clock.Add(logTime);
    }

    public void Dispose() => _dir.Dispose();
}
