using System.Text;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Records;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.SensorMsgs;

namespace Sim2Real.Mcap.Tests;

public class RoundTripTests
{
    public static TheoryData<McapCompression> Compressions() => [McapCompression.Zstd, McapCompression.Lz4, McapCompression.None];

    [Theory]
    [MemberData(nameof(Compressions))]
    public void Indexed_read_returns_every_message_in_log_time_order_with_matching_statistics(McapCompression compression)
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        var written = SampleLog.Write(path, compression);

        using var reader = McapReader.Open(path);
        var read = reader.ReadMessages().ToList();

        Assert.Equal(written.Messages.Select(m => (m.Topic, m.LogTime)), read.Select(m => (m.Channel.Topic, m.Message.LogTime)));
        Assert.All(written.Messages.Zip(read), pair => Assert.Equal(pair.First.Data, pair.Second.Message.Data.ToArray()));
        var stats = reader.Statistics!;
        Assert.Equal((ulong)written.Messages.Count, stats.MessageCount);
        Assert.Equal(written.Counts, stats.ChannelMessageCounts.ToDictionary(kv => reader.Channels[kv.Key].Topic, kv => (int)kv.Value));
        Assert.Equal((4, 4u, 2u, 1u), (stats.SchemaCount, stats.ChannelCount, stats.AttachmentCount, stats.MetadataCount));
        Assert.Equal((written.Messages[0].LogTime, written.Messages[^1].LogTime), (stats.MessageStartTime, stats.MessageEndTime));
        Assert.Equal((uint)reader.ChunkIndexes.Count, stats.ChunkCount);
        Assert.All(reader.ChunkIndexes, c => Assert.Equal(McapCompressionNames.ToWire(compression), c.Compression));
    }

    [Theory]
    [MemberData(nameof(Compressions))]
    public void Linear_read_sees_the_same_messages_as_the_indexed_read_and_ends_complete(McapCompression compression)
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        SampleLog.Write(path, compression);

        using var indexed = McapReader.Open(path);
        var byIndex = indexed.ReadMessages().Select(m => (m.Message.ChannelId, m.Message.Sequence, m.Message.LogTime, Convert.ToHexString(m.Message.Data.Span))).ToList();
        using var linear = McapReader.ReadLinear(path);
        var records = linear.Records().ToList();
        var byLinear = records.OfType<McapChunk>().SelectMany(c => c.Records).Select(r => r.Record).OfType<McapMessage>()
            .Select(m => (m.ChannelId, m.Sequence, m.LogTime, Convert.ToHexString(m.Data.Span))).ToList();

        Assert.Equal(byIndex, byLinear);
        Assert.Equal(McapReadEndKind.Complete, linear.End!.Kind);
        Assert.Equal(("ros2", Writing.McapWriterOptions.DefaultLibrary), (linear.Header.Profile, linear.Header.Library));
        Assert.Equal(indexed.ChunkIndexes.Count, records.OfType<McapChunk>().Count());
        // Each chunk is followed by one message index per channel it holds.
        Assert.Equal(indexed.ChunkIndexes.Sum(c => c.MessageIndexOffsets.Count), records.OfType<McapMessageIndex>().Count());
    }

    [Fact]
    public void Chunks_hold_about_one_flush_interval_of_log_time()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        SampleLog.Write(path, McapCompression.Zstd, seconds: 3.5, flushInterval: TimeSpan.FromMilliseconds(500));

        using var reader = McapReader.Open(path);

        Assert.Equal(7, reader.ChunkIndexes.Count);
        Assert.All(reader.ChunkIndexes, c => Assert.InRange(c.MessageEndTime - c.MessageStartTime, 498_000_000UL, 499_999_999UL));
    }

    [Fact]
    public void Metadata_and_attachments_come_back_through_their_indexes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        SampleLog.Write(path, McapCompression.Lz4);

        using var reader = McapReader.Open(path);

        var metadata = reader.ReadMetadata(Assert.Single(reader.MetadataIndexes));
        Assert.Equal("deployment", metadata.Name);
        Assert.Equal("0123abc", metadata.Values["git_commit"]);
        Assert.Equal(["robot.yaml", "policy_info.txt"], reader.AttachmentIndexes.Select(a => a.Name));
        var robot = reader.ReadAttachment(reader.AttachmentIndexes[0]);
        Assert.Equal(("application/yaml", "name: hopper\njoints: 3\n", SampleLog.Start - 1000), (robot.MediaType, Encoding.UTF8.GetString(robot.Data.Span), robot.CreateTime));
        Assert.Equal((ulong)robot.Data.Length, reader.AttachmentIndexes[0].DataSize);
    }

    [Fact]
    public void Channels_follow_the_ros2_profile_with_msg_schemas_and_offered_qos()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        SampleLog.Write(path, McapCompression.Zstd);

        using var reader = McapReader.Open(path);
        var joints = reader.Channels.Values.Single(c => c.Topic == "/joint_states");
        var schema = reader.Schemas[joints.SchemaId];

        Assert.Equal(("cdr", "sensor_msgs/msg/JointState", "ros2msg"), (joints.MessageEncoding, schema.Name, schema.Encoding));
        Assert.Equal(MessageDefinitions.Ros2MsgSchema(JointState.TypeName), Encoding.UTF8.GetString(schema.Data.Span));
        Assert.StartsWith("- history: 1\n  depth: 5\n  reliability: 2\n  durability: 2\n", joints.Metadata["offered_qos_profiles"], StringComparison.Ordinal);
        var decoder = new Ros2MessageDecoder(reader);
        var first = (JointState)decoder.Decode(reader.ReadMessages(new HashSet<ushort> { joints.Id }).First());
        Assert.Equal(SampleLog.Joints, first.Name);
        Assert.Equal("base", first.Header.FrameId);
    }

    [Fact]
    public void A_file_with_no_messages_is_still_complete_and_indexed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("empty.mcap");
        using (var writer = Writing.McapWriter.Create(path))
        {
            writer.AddChannel(writer.AddSchema("std_msgs/msg/String", "ros2msg", "string data"u8.ToArray()), "/chatter", "cdr");
        }

        using var reader = McapReader.Open(path);

        Assert.Equal(0UL, reader.Statistics!.MessageCount);
        Assert.Equal("/chatter", Assert.Single(reader.Channels.Values).Topic);
        Assert.Empty(reader.ReadMessages());
        using var linear = McapReader.ReadLinear(path);
        Assert.Contains(linear.Records().ToList(), r => r is McapChannel);
        Assert.Equal(McapReadEndKind.Complete, linear.End!.Kind);
    }

    [Fact]
    public void Creating_a_log_never_overwrites_an_existing_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        File.WriteAllText(path, "precious");

        Assert.Throws<IOException>(() => Writing.McapWriter.Create(path));
        Assert.Equal("precious", File.ReadAllText(path));
    }
}
