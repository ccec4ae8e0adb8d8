using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Transport;
using RosString = Sim2Real.Ros.Messages.StdMsgs.String;

namespace Sim2Real.Cli.Tests.Commands;

/// <summary><c>./sim2real log info|echo|recover</c> on logs written by the MCAP writer, good and bad.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LogCommandTests : IDisposable
{
    private const ulong Start = 1_700_000_000_000_000_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-log-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Log_info_prints_duration_topics_types_counts_rates_and_compression()
    {
        var path = WriteLog("deploy.mcap");

        var (code, stdout, stderr) = CliRunner.Run("log", "info", path);

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.Contains("Files:             deploy.mcap", lines);
        Assert.Contains("Duration:          1.990000000s", lines);
        Assert.Contains("Start:             Nov 14 2023 22:13:20.000000000 UTC (1700000000.000000000)", lines);
        Assert.Contains("Messages:          220", lines);
        Assert.Contains(lines, l => l.StartsWith("Chunks:            4, zstd: ", StringComparison.Ordinal));
        Assert.Contains("Topic information: Topic: /joint_states | Type: sensor_msgs/msg/JointState | Count: 200 | Rate: 100 Hz | Serialization Format: cdr", lines);
        Assert.Contains("                   Topic: /status | Type: std_msgs/msg/String | Count: 20 | Rate: 10 Hz | Serialization Format: cdr", lines);
    }

    [Fact]
    public void Log_echo_prints_the_topic_as_YAML_documents_in_log_time_order()
    {
        var path = WriteLog("deploy.mcap");

        var (code, stdout, stderr) = CliRunner.Run("log", "echo", path, "/status", "--count", "3");

        Assert.True(code == 0, stderr);
        Assert.Equal("data: tick 0\n---\ndata: tick 10\n---\ndata: tick 20\n---\n", stdout);
    }

    [Fact]
    public void Log_echo_of_a_topic_the_log_lacks_names_the_file_the_topic_and_what_it_has()
    {
        var path = WriteLog("deploy.mcap");

        var (code, _, stderr) = CliRunner.Run("log", "echo", path, "/imu");

        Assert.Equal(1, code);
        Assert.Equal($"sim2real log echo: error: {path}: /imu: no such topic in this log; it has /joint_states, /status\n", stderr);
    }

    [Fact]
    public void Log_info_on_a_file_that_is_not_MCAP_is_one_line_naming_file_offset_and_record()
    {
        var path = Path.Combine(_dir, "notes.mcap");
        File.WriteAllText(path, "not a log at all");

        var (code, stdout, stderr) = CliRunner.Run("log", "info", path);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"sim2real log info: error: {path}: offset 0: magic: not an MCAP file", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Log_echo_through_a_chunk_with_a_bad_CRC_names_the_chunk_offset()
    {
        var path = WriteLog("deploy.mcap", McapCompression.None);
        ulong chunkOffset;
        ulong chunkLength;
        using (var reader = McapReader.Open(path))
        {
            (chunkOffset, chunkLength) = (reader.ChunkIndexes[1].ChunkStartOffset, reader.ChunkIndexes[1].ChunkLength);
        }

        var bytes = File.ReadAllBytes(path);
        bytes[chunkOffset + chunkLength / 2] ^= 0x10;
        File.WriteAllBytes(path, bytes);

        var (code, _, stderr) = CliRunner.Run("log", "echo", path, "/joint_states");

        Assert.Equal(1, code);
        Assert.Contains($"{path}: offset {chunkOffset}: Chunk (0x06): bad CRC", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_info_on_a_truncated_log_points_to_log_recover()
    {
        var path = Truncated(WriteLog("deploy.mcap"), insideChunk: 2);

        var (code, _, stderr) = CliRunner.Run("log", "info", path);

        Assert.Equal(1, code);
        Assert.Contains(": magic: the file does not end with the MCAP magic", stderr, StringComparison.Ordinal);
        Assert.Contains("log recover", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_recover_rebuilds_a_truncated_log_reports_the_loss_and_exits_non_zero()
    {
        var path = Truncated(WriteLog("deploy.mcap"), insideChunk: 2);
        var before = File.ReadAllBytes(path);
        var output = Path.Combine(_dir, "recovered.mcap");

        var (code, stdout, stderr) = CliRunner.Run("log", "recover", path, output);

        Assert.True(code == 3, stderr + stdout);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Contains("input: truncated at offset ", stdout, StringComparison.Ordinal);
        Assert.Contains("lost: 1 chunks (an unknown number of messages)", stdout, StringComparison.Ordinal);
        using var reader = McapReader.Open(output);
        var recovered = (int)reader.Statistics!.MessageCount;
        Assert.Contains($"recovered: {recovered} messages in 2 chunks on 2 channels (2 schemas, 0 attachments, 0 metadata) -> {output}", stdout, StringComparison.Ordinal);
        Assert.Equal(recovered, reader.ReadMessages().Count());
        Assert.Equal([path, output], Directory.GetFiles(_dir).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Log_recover_of_a_complete_log_loses_nothing_and_exits_0()
    {
        var path = WriteLog("deploy.mcap");

        var (code, stdout, stderr) = CliRunner.Run("log", "recover", path, Path.Combine(_dir, "copy.mcap"));

        Assert.True(code == 0, stderr);
        Assert.Contains("recovered: 220 messages in 4 chunks", stdout, StringComparison.Ordinal);
        Assert.Contains("lost: nothing", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_recover_never_writes_over_its_input()
    {
        var path = Truncated(WriteLog("deploy.mcap"), insideChunk: 2);
        var before = File.ReadAllBytes(path);

        var (code, _, stderr) = CliRunner.Run("log", "recover", path, path);

        Assert.Equal(1, code);
        Assert.Contains("is the input", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Log_recover_of_a_file_that_is_not_MCAP_leaves_no_output_behind()
    {
        var path = Path.Combine(_dir, "notes.mcap");
        File.WriteAllText(path, "not a log at all");

        var (code, _, stderr) = CliRunner.Run("log", "recover", path, Path.Combine(_dir, "out.mcap"));

        Assert.Equal(1, code);
        Assert.Contains("offset 0: magic: not an MCAP file", stderr, StringComparison.Ordinal);
        Assert.Equal([path], Directory.GetFiles(_dir));
    }

    // 2 s of joint states at 100 Hz and a status string at 10 Hz, in chunks of 0.5 s.
    private string WriteLog(string name, McapCompression compression = McapCompression.Zstd)
    {
        var path = Path.Combine(_dir, name);
        using var writer = McapWriter.Create(path, new McapWriterOptions { Compression = compression, FlushInterval = TimeSpan.FromSeconds(0.5), TimeProvider = new FrozenClock() });
        var joints = writer.AddRos2Channel("/joint_states", RosMessageTypes.Get(JointState.TypeName), [QosProfile.SensorData]);
        var status = writer.AddRos2Channel("/status", RosMessageTypes.Get(RosString.TypeName), [QosProfile.Default]);
        for (var i = 0; i < 200; i++)
        {
            var t = Start + (ulong)i * 10_000_000;
            writer.WriteRos2(joints, new JointState { Name = ["hip", "knee"], Position = [i * 0.01, -i * 0.01] }, t, t);
            if (i % 10 == 0)
            {
                writer.WriteRos2(status, new RosString { Data = $"tick {i}" }, t, t);
            }
        }

        return path;
    }

    // Cut in the middle of a chunk, as a writer killed while writing it leaves the file.
    private static string Truncated(string path, int insideChunk)
    {
        long cut;
        using (var reader = McapReader.Open(path))
        {
            var chunk = reader.ChunkIndexes[insideChunk];
            cut = (long)(chunk.ChunkStartOffset + chunk.ChunkLength / 2);
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)cut]);
        return path;
    }

    private sealed class FrozenClock : TimeProvider
    {
        public override long GetTimestamp() => 0;
    }
}
