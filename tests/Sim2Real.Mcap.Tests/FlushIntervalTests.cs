using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Writing;

namespace Sim2Real.Mcap.Tests;

/// <summary>Chunks close (and reach the disk) on size, on log time, and on the writer's clock, in virtual time.</summary>
public class FlushIntervalTests
{
    [Fact]
    public void A_quiet_stream_is_flushed_once_the_interval_passes_on_the_writers_clock()
    {
        var clock = new ManualTimeProvider();
        using var stream = new MemoryStream();
        using var writer = new McapWriter(stream, new McapWriterOptions { TimeProvider = clock, FlushInterval = TimeSpan.FromSeconds(1) }, leaveOpen: true);
        var channel = writer.AddChannel(0, "/rare", "json");
        writer.WriteMessage(channel, 10, 10, "{}"u8);

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(writer.FlushIfDue());
        Assert.Equal(0, writer.FlushedMessageCount);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(writer.FlushIfDue());
        Assert.Equal((1, 1L), (writer.ChunkCount, writer.FlushedMessageCount));
        Assert.False(writer.FlushIfDue());
    }

    [Fact]
    public void A_message_written_after_the_interval_on_the_writers_clock_closes_the_chunk_it_joins()
    {
        var clock = new ManualTimeProvider();
        using var stream = new MemoryStream();
        using var writer = new McapWriter(stream, new McapWriterOptions { TimeProvider = clock, FlushInterval = TimeSpan.FromSeconds(1) }, leaveOpen: true);
        var channel = writer.AddChannel(0, "/t", "json");

        writer.WriteMessage(channel, 0, 0, "{}"u8);
        clock.Advance(TimeSpan.FromSeconds(1.5));
        writer.WriteMessage(channel, 1, 1, "{}"u8);

        Assert.Equal((1, 2L), (writer.ChunkCount, writer.FlushedMessageCount));
    }

    [Fact]
    public void A_chunk_closes_when_its_records_reach_the_chunk_size()
    {
        using var stream = new MemoryStream();
        var options = new McapWriterOptions { TimeProvider = new ManualTimeProvider(), ChunkSize = 10_000, Compression = McapCompression.Lz4 };
        using (var writer = new McapWriter(stream, options, leaveOpen: true))
        {
            var channel = writer.AddChannel(0, "/big", "x-raw");
            for (var i = 0; i < 100; i++)
            {
                writer.WriteMessage(channel, (ulong)i, (ulong)i, new byte[1000]);
            }
        }

        stream.Position = 0;
        using var reader = new McapReader(stream, "mem.mcap", leaveOpen: true);
        // 1031 bytes a record (9 + 22 + 1000): a chunk closes after its 10th message.
        Assert.Equal(10, reader.ChunkIndexes.Count);
        Assert.All(reader.ChunkIndexes, c => Assert.InRange(c.UncompressedSize, 10_000UL, 11_000UL));
    }

    [Fact]
    public void Sequence_numbers_count_per_channel_when_the_publisher_gives_none()
    {
        using var stream = new MemoryStream();
        using (var writer = new McapWriter(stream, new McapWriterOptions { TimeProvider = new ManualTimeProvider() }, leaveOpen: true))
        {
            var a = writer.AddChannel(0, "/a", "json");
            var b = writer.AddChannel(0, "/b", "json");
            writer.WriteMessage(a, 1, 1, "{}"u8);
            writer.WriteMessage(b, 2, 2, "{}"u8);
            writer.WriteMessage(a, 3, 3, "{}"u8);
            writer.WriteMessage(b, 4, 4, "{}"u8, sequence: 77);
        }

        stream.Position = 0;
        using var reader = new McapReader(stream, "mem.mcap", leaveOpen: true);
        Assert.Equal([("/a", 0u), ("/b", 0u), ("/a", 1u), ("/b", 77u)], reader.ReadMessages().Select(m => (m.Channel.Topic, m.Message.Sequence)));
    }

    [Fact]
    public void Messages_written_out_of_time_order_are_read_back_in_log_time_order()
    {
        using var stream = new MemoryStream();
        using (var writer = new McapWriter(stream, new McapWriterOptions { TimeProvider = new ManualTimeProvider(), ChunkSize = 100 }, leaveOpen: true))
        {
            var channel = writer.AddChannel(0, "/t", "json");
            foreach (var t in new ulong[] { 50, 10, 40, 20, 30, 5 })
            {
                writer.WriteMessage(channel, t, t, "{}"u8);
            }
        }

        stream.Position = 0;
        using var reader = new McapReader(stream, "mem.mcap", leaveOpen: true);
        Assert.Equal([5UL, 10, 20, 30, 40, 50], reader.ReadMessages().Select(m => m.Message.LogTime));
    }

    [Fact]
    public void Writing_to_an_unknown_channel_is_refused()
    {
        using var stream = new MemoryStream();
        using var writer = new McapWriter(stream, leaveOpen: true);

        var e = Assert.Throws<ArgumentException>(() => writer.WriteMessage(9, 0, 0, "{}"u8));
        writer.Close();

        Assert.Contains("channel 9", e.Message, StringComparison.Ordinal);
        stream.Position = 0;
        using var reader = new McapReader(stream, "mem.mcap", leaveOpen: true);
        Assert.Equal(0UL, reader.Statistics!.MessageCount);
    }
}
