using System.Text;
using Sim2Real.Mcap;
using Sim2Real.Replay.Logs;

namespace Sim2Real.Replay.Tests;

public sealed class DeploymentLogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Reads_the_runtime_topics_and_the_deployment_metadata()
    {
        SimulatedRun.Write(_dir.File("run.mcap"), SimulatedRun.Nominal);

        var log = DeploymentLog.Read(_dir.File("run.mcap"));

        Assert.Equal("arm6", log.Robot());
        Assert.Equal("nominal (run.mcap)", log.Label);
        Assert.Equal(151, log.JointStates.Count);
        Assert.Equal(75, log.Commands.Count);
        Assert.True(log.JointStates.Zip(log.JointStates.Skip(1)).All(p => p.First.LogTime < p.Second.LogTime));
    }

    [Fact]
    public void Refuses_a_topic_with_an_unknown_schema_encoding_naming_file_offset_and_record()
    {
        using (var writer = new DeploymentLogWriter(_dir.File("json.mcap"), "arm6"))
        {
            var schema = writer.Mcap.AddSchema("sim2real_msgs/msg/PolicyTick", "jsonschema", Encoding.UTF8.GetBytes("{}"));
            var channel = writer.Mcap.AddChannel(schema, "/policy/tick", "cdr");
            writer.Mcap.WriteMessage(channel, LogTime.Start, LogTime.Start, [0, 1, 0, 0]);
        }

        var e = Assert.Throws<McapFormatException>(() => DeploymentLog.Read(_dir.File("json.mcap")));

        Assert.Equal("Schema (0x03)", e.Record);
        Assert.True(e.Offset > 0);
        Assert.Contains("unknown schema encoding 'jsonschema'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_chunk_with_a_bad_crc_naming_its_offset()
    {
        SimulatedRun.Write(_dir.File("run.mcap"), SimulatedRun.Nominal);
        var bytes = File.ReadAllBytes(_dir.File("run.mcap"));
        using (var reader = Sim2Real.Mcap.Reading.McapReader.Open(_dir.File("run.mcap")))
        {
            var chunk = reader.ChunkIndexes[0];
            bytes[(int)(chunk.ChunkStartOffset + chunk.ChunkLength) - 10] ^= 0xff;
        }

        File.WriteAllBytes(_dir.File("bad.mcap"), bytes);

        var e = Assert.Throws<McapFormatException>(() => DeploymentLog.Read(_dir.File("bad.mcap")));

        Assert.Equal(_dir.File("bad.mcap"), e.File);
        Assert.StartsWith("Chunk", e.Record, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_truncated_log_pointing_at_recovery()
    {
        SimulatedRun.Write(_dir.File("run.mcap"), SimulatedRun.Nominal);
        var bytes = File.ReadAllBytes(_dir.File("run.mcap"));
        File.WriteAllBytes(_dir.File("cut.mcap"), bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<McapFormatException>(() => DeploymentLog.Read(_dir.File("cut.mcap")));

        Assert.Contains("log recover", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
