using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Mcap.Tests;

/// <summary>
/// The acceptance check of issue 15: Foxglove's @mcap/core and @foxglove/rosmsg2-serialization (run by node from
/// js/, installed by scripts/setup) open a log our writer made, decode every message with the schema stored in
/// the file, and find the statistics equal to the counts.
/// </summary>
public class IndependentReaderTests
{
    [Theory]
    [InlineData(McapCompression.Zstd)]
    [InlineData(McapCompression.Lz4)]
    [InlineData(McapCompression.None)]
    public void Foxglove_reads_every_message_with_the_schemas_in_the_file_and_the_statistics_match(McapCompression compression)
    {
        using var dir = new TempDirectory();
        var path = dir.File("deploy.mcap");
        var written = SampleLog.Write(path, compression, seconds: 1.2);

        using var json = JsonDocument.Parse(RunReader(path));
        var root = json.RootElement;

        Assert.Empty(root.GetProperty("problems").EnumerateArray());
        Assert.Equal("ros2", root.GetProperty("header").GetProperty("profile").GetString());
        Assert.True(root.GetProperty("streamDone").GetBoolean(), "the stream reader did not reach the footer and closing magic");
        Assert.Equal(written.Messages.Count, root.GetProperty("linearMessages").GetInt32());
        Assert.Equal([McapCompressionNames.ToWire(compression)], root.GetProperty("chunkCompressions").EnumerateArray().Select(e => e.GetString()));
        var stats = root.GetProperty("statistics");
        Assert.Equal(written.Messages.Count, Count(stats.GetProperty("messageCount")));
        var statsCounts = stats.GetProperty("channelMessageCounts").EnumerateObject().ToDictionary(p => p.Name, p => (int)Count(p.Value));
        Assert.Equal(written.Counts, statsCounts);
        Assert.Equal(written.Messages[0].LogTime.ToString(CultureInfo.InvariantCulture), stats.GetProperty("messageStartTime").GetString());

        var topics = root.GetProperty("topics");
        Assert.Equal(written.Counts, topics.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("count").GetInt32()));
        AssertJointStates(topics.GetProperty("/joint_states"));
        AssertImages(topics.GetProperty("/camera/image_raw"));
        AssertActions(topics.GetProperty("/policy/action"));
        AssertDiagnostics(topics.GetProperty("/diagnostics"));

        Assert.Equal(["robot.yaml", "policy_info.txt"], root.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("name: hopper\njoints: 3\n", root.GetProperty("attachments")[0].GetProperty("text").GetString());
        var metadata = Assert.Single(root.GetProperty("metadata").EnumerateArray());
        Assert.Equal(("deployment", "0123abc"), (metadata.GetProperty("name").GetString(), metadata.GetProperty("values").GetProperty("git_commit").GetString()));
    }

    private static void AssertJointStates(JsonElement topic)
    {
        Assert.Equal("sensor_msgs/msg/JointState", topic.GetProperty("type").GetString());
        Assert.Equal(OfferedQosProfiles.Format([QosProfile.SensorData]), topic.GetProperty("offeredQosProfiles").GetString());
        var first = topic.GetProperty("first");
        var expected = SampleLog.JointStates(0, SampleLog.Start);
        Assert.Equal(SampleLog.Joints, first.GetProperty("name").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(expected.Position, Doubles(first.GetProperty("position")));
        Assert.Equal(expected.Velocity, Doubles(first.GetProperty("velocity")));
        Assert.Equal("base", first.GetProperty("header").GetProperty("frame_id").GetString());
        Assert.Equal(expected.Header.Stamp.Sec, first.GetProperty("header").GetProperty("stamp").GetProperty("sec").GetInt32());
        var lastTick = topic.GetProperty("count").GetInt32() - 1;
        Assert.Equal(SampleLog.JointStates(lastTick, 0).Position, Doubles(topic.GetProperty("last").GetProperty("position")));
    }

    private static void AssertImages(JsonElement topic)
    {
        var first = topic.GetProperty("first");
        var expected = SampleLog.Frame(0, SampleLog.Start);
        Assert.Equal((8u, 6u, "rgb8", 24u), (first.GetProperty("width").GetUInt32(), first.GetProperty("height").GetUInt32(),
            first.GetProperty("encoding").GetString(), first.GetProperty("step").GetUInt32()));
        Assert.Equal(expected.Data, first.GetProperty("data").EnumerateArray().Select(e => e.GetByte()));
    }

    private static void AssertActions(JsonElement topic)
    {
        var first = topic.GetProperty("first");
        var dim = Assert.Single(first.GetProperty("layout").GetProperty("dim").EnumerateArray());
        Assert.Equal(("action", 3u), (dim.GetProperty("label").GetString(), dim.GetProperty("size").GetUInt32()));
        Assert.Equal(SampleLog.Action(0).Data, Doubles(first.GetProperty("data")));
    }

    private static void AssertDiagnostics(JsonElement topic)
    {
        var status = Assert.Single(topic.GetProperty("first").GetProperty("status").EnumerateArray());
        Assert.Equal(("watchdog", 1, "tick 0"), (status.GetProperty("name").GetString(), status.GetProperty("level").GetInt32(), status.GetProperty("message").GetString()));
        var value = Assert.Single(status.GetProperty("values").EnumerateArray());
        Assert.Equal(("deadline_misses", "2"), (value.GetProperty("key").GetString(), value.GetProperty("value").GetString()));
    }

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static long Count(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();

    private static string RunReader(string mcap)
    {
        var js = Path.Combine(RepoRoot.Find(), "tests", "Sim2Real.Mcap.Tests", "js");
        Assert.True(Directory.Exists(Path.Combine(js, "node_modules", "@mcap", "core")),
            $"{js}/node_modules is missing: ./scripts/setup installs node and runs `npm ci` there");
        var start = new ProcessStartInfo("node") { WorkingDirectory = js, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("read-mcap.mjs");
        start.ArgumentList.Add(mcap);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node (./scripts/setup installs it)");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"node read-mcap.mjs exited {process.ExitCode}:\n{stderr.Result}");
        return stdout;
    }
}
