using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Records;
using Sim2Real.Mcap.Recovery;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Mcap.Writing;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.StdMsgs;
using Sim2Real.Ros.Transport;
using RosString = Sim2Real.Ros.Messages.StdMsgs.String;

namespace Sim2Real.Mcap.Tests;

/// <summary>A file cut at any byte: the linear read stops cleanly (or names the damage), recover keeps every whole chunk.</summary>
public class TruncationTests
{
    [Theory]
    [InlineData(McapCompression.Zstd, 5)]
    [InlineData(McapCompression.Lz4, 7)]
    [InlineData(McapCompression.None, 11)]
    public void Cut_at_every_few_bytes_the_linear_read_stops_cleanly_and_recover_keeps_all_complete_chunks(McapCompression compression, int step)
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        WriteSmallLog(path, compression);
        var bytes = File.ReadAllBytes(path);
        List<(long End, int Messages)> chunks;
        long headerEnd;
        using (var reader = McapReader.Open(path))
        {
            chunks = [.. reader.ChunkIndexes.Select(c => ((long)(c.ChunkStartOffset + c.ChunkLength), reader.ReadMessageIndexes(c).Sum(i => i.Entries.Count)))];
            headerEnd = (long)reader.ChunkIndexes[0].ChunkStartOffset;
        }

        Assert.True(chunks.Count >= 5);
        for (var length = 0; length <= bytes.Length; length += step)
        {
            using var cut = new MemoryStream(bytes, 0, length, writable: false);
            McapRecoveryReport report;
            try
            {
                using var output = new MemoryStream();
                report = McapRecovery.Recover(cut, "cut.mcap", output);
                AssertReadable(output.ToArray(), report);
            }
            catch (McapFormatException e)
            {
                // Only a file too short to hold the magic and the Header is unrecoverable.
                Assert.True(length < headerEnd, $"cut at {length}: {e.Message}");
                continue;
            }

            var whole = chunks.Where(c => c.End <= length).ToList();
            Assert.True(whole.Count == report.Chunks, $"cut at {length}: recovered {report.Chunks} chunks, {whole.Count} are whole");
            Assert.Equal(whole.Sum(c => c.Messages), report.Messages);
            AssertLinearReadStopsCleanly(bytes, length);
        }
    }

    // Five chunks of a few messages on two small types, a metadata record and an attachment: a few kilobytes.
    private static void WriteSmallLog(string path, McapCompression compression)
    {
        var options = new McapWriterOptions { Compression = compression, FlushInterval = TimeSpan.FromMilliseconds(10), TimeProvider = new ManualTimeProvider() };
        using var writer = McapWriter.Create(path, options);
        var text = writer.AddRos2Channel("/status", RosMessageTypes.Get(RosString.TypeName), [QosProfile.Default]);
        var flag = writer.AddRos2Channel("/enabled", RosMessageTypes.Get(Bool.TypeName), [QosProfile.Latched]);
        writer.WriteMetadata(new McapMetadata("deployment", new Dictionary<string, string> { ["host"] = "test" }));
        for (var i = 0; i < 25; i++)
        {
            var t = SampleLog.Start + (ulong)i * 2_000_000;
            writer.WriteRos2(text, new RosString { Data = $"tick {i}" }, t, t);
            if (i % 3 == 0)
            {
                writer.WriteRos2(flag, new Bool { Data = i % 2 == 0 }, t, t);
            }

            if (i == 12)
            {
                writer.WriteAttachment(new McapAttachment(t, 0, "robot.yaml", "application/yaml", "name: hopper\n"u8.ToArray()));
            }
        }
    }

    private static void AssertLinearReadStopsCleanly(byte[] bytes, int length)
    {
        using var reader = new McapLinearReader(new MemoryStream(bytes, 0, length, writable: false), "cut.mcap");
        var records = reader.Records().ToList();
        Assert.NotNull(reader.End);
        Assert.True(reader.End.Kind != McapReadEndKind.Corrupt, reader.End.ToString());
        Assert.True(length == bytes.Length == (reader.End.Kind == McapReadEndKind.Complete), $"cut at {length}: {reader.End}");
        Assert.All(records, r => Assert.IsNotType<McapSkippedRecord>(r));
    }

    private static void AssertReadable(byte[] recovered, McapRecoveryReport report)
    {
        using var reader = new McapReader(new MemoryStream(recovered, writable: false), "recovered.mcap");
        Assert.Equal((ulong)report.Messages, reader.Statistics!.MessageCount);
        Assert.Equal(report.Messages, reader.ReadMessages().LongCount());
    }
}
