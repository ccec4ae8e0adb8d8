using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Info;
using Sim2Real.Mcap.Reading;

namespace Sim2Real.Mcap.Tests;

/// <summary>What <c>log info</c> reports of a log, from its summary section, against what was written.</summary>
public sealed class McapInfoTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reports_each_topic_with_its_type_count_and_rate_in_topic_order()
    {
        var path = _dir.File("deploy.mcap");
        var written = SampleLog.Write(path, McapCompression.Zstd);
        using var reader = McapReader.Open(path);

        var info = McapInfo.Read(reader);

        Assert.Equal(["/camera/image_raw", "/diagnostics", "/joint_states", "/policy/action"], info.Topics.Select(t => t.Topic));
        Assert.All(info.Topics, t => Assert.Equal((ulong)written.Counts[t.Topic], t.Count));
        var joints = info.Topics.Single(t => t.Topic == "/joint_states");
        Assert.Equal("sensor_msgs/msg/JointState", joints.Type);
        Assert.Equal(500, joints.RateHz!.Value, 9);
        Assert.Equal("500 Hz", joints.RateText);
        Assert.Equal(1, info.Topics.Single(t => t.Topic == "/diagnostics").RateHz!.Value, 9);
        Assert.Equal((ulong)written.Messages.Count, info.MessageCount);
        Assert.Equal(SampleLog.Start, info.StartNs);
        Assert.Equal(written.Messages[^1].LogTime - SampleLog.Start, info.DurationNs);
    }

    [Fact]
    public void Reports_compression_attachments_and_metadata()
    {
        var path = _dir.File("deploy.mcap");
        SampleLog.Write(path, McapCompression.Lz4);
        using var reader = McapReader.Open(path);

        var info = McapInfo.Read(reader);

        Assert.Equal(["lz4"], info.Compressions);
        Assert.True(info.UncompressedBytes > 0 && info.CompressedBytes > 0);
        Assert.Equal(2u, info.AttachmentCount);
        Assert.Equal(["robot.yaml [application/yaml, 23 B]", "policy_info.txt [text/plain, 14 B]"], info.Attachments);
        Assert.Equal(["deployment"], info.MetadataNames);
        Assert.Equal("ros2", info.Profile);
    }

    [Fact]
    public void The_text_lays_out_labels_in_one_column_as_ros2_bag_info_does()
    {
        var path = _dir.File("deploy.mcap");
        SampleLog.Write(path, McapCompression.None);
        using var reader = McapReader.Open(path);
        using var text = new StringWriter();

        McapInfoText.Write(McapInfo.Read(reader), text);

        var lines = text.ToString().Split('\n');
        Assert.Contains("Files:             deploy.mcap", lines);
        Assert.Contains("Storage id:        mcap", lines);
        Assert.Contains("Start:             Nov 14 2023 22:13:20.000000000 UTC (1700000000.000000000)", lines);
        Assert.Contains(lines, l => l.StartsWith("Chunks:            ", StringComparison.Ordinal) && l.Contains(", none: ", StringComparison.Ordinal));
        Assert.Contains("Topic information: Topic: /camera/image_raw | Type: sensor_msgs/msg/Image | Count: 46 | Rate: 15.152 Hz | Serialization Format: cdr", lines);
        Assert.Contains("                   Topic: /joint_states | Type: sensor_msgs/msg/JointState | Count: 1500 | Rate: 500 Hz | Serialization Format: cdr", lines);
    }

    [Fact]
    public void A_single_message_or_an_unindexed_topic_has_no_rate()
    {
        Assert.Null(new McapTopicInfo("/once", "std_msgs/msg/String", 1, 5, 5, "cdr").RateHz);
        Assert.Equal("-", new McapTopicInfo("/unindexed", "std_msgs/msg/String", 10, 0, 0, "cdr").RateText);
    }

    [Theory]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(3 << 20, "3.0 MiB")]
    [InlineData(5L << 30, "5.00 GiB")]
    public void Sizes_read_in_binary_units(long bytes, string text) => Assert.Equal(text, McapInfoText.Size(bytes));
}
