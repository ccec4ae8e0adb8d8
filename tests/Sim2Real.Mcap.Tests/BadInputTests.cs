using System.Buffers.Binary;
using System.Text;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Records;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Mcap.Writing;

namespace Sim2Real.Mcap.Tests;

/// <summary>Every kind of bad file gets a one-line error naming the file, the byte offset and the record.</summary>
public class BadInputTests
{
    [Fact]
    public void A_file_that_is_not_MCAP_is_named_with_offset_0_and_the_magic()
    {
        using var dir = new TempDirectory();
        var path = dir.File("notes.mcap");
        File.WriteAllText(path, "PK\u0003\u0004 this is a zip, not a log");

        var indexed = Assert.Throws<McapFormatException>(() => McapReader.Open(path));
        var linear = Assert.Throws<McapFormatException>(() => McapReader.ReadLinear(path));

        foreach (var e in new[] { indexed, linear })
        {
            Assert.Equal((path, 0L, "magic"), (e.File, e.Offset, e.Record));
            Assert.StartsWith($"{path}: offset 0: magic: not an MCAP file: it starts with 504B0304", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    [Fact]
    public void An_empty_file_is_not_MCAP()
    {
        using var dir = new TempDirectory();
        var path = dir.File("empty.mcap");
        File.WriteAllBytes(path, []);

        var e = Assert.Throws<McapFormatException>(() => McapReader.Open(path));

        Assert.Contains("it is empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_byte_in_a_chunk_is_a_bad_CRC_at_that_chunk()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        SampleLog.Write(path, McapCompression.None);
        var chunk = ChunkAt(path, 1);
        var bytes = File.ReadAllBytes(path);
        // Deep in the records: a message payload byte, so lengths stay sane and only the CRC can tell.
        bytes[chunk.ChunkStartOffset + chunk.ChunkLength / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        using var reader = McapReader.Open(path);
        var indexed = Assert.Throws<McapFormatException>(() => reader.ReadMessages().ToList());
        using var linearReader = McapReader.ReadLinear(path);
        var linear = Assert.Throws<McapFormatException>(() => linearReader.Records().ToList());

        foreach (var e in new[] { indexed, linear })
        {
            Assert.Equal(((long)chunk.ChunkStartOffset, "Chunk (0x06)"), (e.Offset, e.Record));
            Assert.Contains("bad CRC", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_flipped_byte_in_the_summary_is_a_bad_summary_CRC()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        SampleLog.Write(path, McapCompression.Zstd);
        ulong summaryStart;
        using (var reader = McapReader.Open(path))
        {
            summaryStart = reader.Footer.SummaryStart;
        }

        var bytes = File.ReadAllBytes(path);
        bytes[summaryStart + 40] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<McapFormatException>(() => McapReader.Open(path));

        Assert.Equal("Footer (0x02)", e.Record);
        Assert.Contains("bad CRC: summary_crc", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_whose_fields_run_past_its_length_is_a_truncated_record()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        WriteRaw(path, builder =>
        {
            // A Schema whose name claims 100 bytes inside a 20-byte record.
            builder.UInt8((byte)McapOpcode.Schema);
            builder.UInt64(20);
            builder.UInt16(1);
            builder.UInt32(100);
            builder.Raw(new byte[14]);
        });

        using var reader = McapReader.ReadLinear(path);
        var e = Assert.Throws<McapFormatException>(() => reader.Records().ToList());

        Assert.Equal((HeaderEnd, "Schema (0x03)"), (e.Offset, e.Record));
        Assert.Contains("field name declares 100 bytes but only 14 remain in the record (truncated record)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_short_is_refused_by_the_indexed_reader_pointing_to_recover()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        SampleLog.Write(path, McapCompression.Zstd);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);

        var e = Assert.Throws<McapFormatException>(() => McapReader.Open(path));

        Assert.Equal(("magic", bytes.Length - 108L), (e.Record, e.Offset));
        Assert.Contains("log recover", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chunk_with_an_unknown_compression_names_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        WriteRaw(path, builder => builder.ChunkHeader(1, 1, 0, 0, "brotli", 0));

        using var reader = McapReader.ReadLinear(path);
        var e = Assert.Throws<McapFormatException>(() => reader.Records().ToList());

        Assert.Equal((HeaderEnd, "Chunk (0x06)"), (e.Offset, e.Record));
        Assert.Contains("unknown compression 'brotli'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoding_a_schema_with_an_unknown_encoding_names_the_schema_record()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        using (var writer = McapWriter.Create(path))
        {
            var schema = writer.AddSchema("sensor_msgs/msg/JointState", "x-custom", Encoding.UTF8.GetBytes("anything"));
            var channel = writer.AddChannel(schema, "/joint_states", "cdr");
            writer.WriteMessage(channel, 1, 1, [0, 1, 0, 0]);
        }

        using var reader = McapReader.Open(path);
        var entry = reader.ReadMessages().Single();
        var e = Assert.Throws<McapFormatException>(() => new Ros2MessageDecoder(reader).Decode(entry));

        Assert.Equal("Schema (0x03)", e.Record);
        Assert.Equal((long)reader.Footer.SummaryStart, e.Offset);
        Assert.Contains("unknown schema encoding 'x-custom'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_that_does_not_fit_its_type_names_topic_chunk_and_offset()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        using (var writer = McapWriter.Create(path))
        {
            var channel = writer.AddRos2Channel("/joint_states", Sim2Real.Ros.Messages.RosMessageTypes.Get(Sim2Real.Ros.Messages.SensorMsgs.JointState.TypeName), []);
            writer.WriteMessage(channel, 1, 1, [0, 1, 0, 0, 9]);
        }

        using var reader = McapReader.Open(path);
        var entry = reader.ReadMessages().Single();
        var e = Assert.Throws<McapFormatException>(() => new Ros2MessageDecoder(reader).Decode(entry));

        Assert.Equal(("Message (0x05)", entry.ChunkOffset), (e.Record, e.Offset));
        Assert.Contains("/joint_states", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recover_skips_a_corrupt_chunk_and_counts_its_messages_from_the_index()
    {
        using var dir = new TempDirectory();
        var path = dir.File("log.mcap");
        var written = SampleLog.Write(path, McapCompression.None);
        var chunk = ChunkAt(path, 1);
        int lostMessages;
        using (var reader = McapReader.Open(path))
        {
            lostMessages = reader.ReadMessageIndexes(chunk).Sum(i => i.Entries.Count);
        }

        var bytes = File.ReadAllBytes(path);
        bytes[chunk.ChunkStartOffset + chunk.ChunkLength / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        using var output = new MemoryStream();

        var report = Recovery.McapRecovery.Recover(path, output);

        Assert.Equal((1, (long?)lostMessages, written.Messages.Count - lostMessages), (report.LostChunks, report.LostMessages, (int)report.Messages));
        Assert.True(report.LostData);
        Assert.Contains(report.Problems, p => p.Contains("bad CRC", StringComparison.Ordinal) && p.Contains($"offset {chunk.ChunkStartOffset}", StringComparison.Ordinal));
    }

    private static long HeaderEnd => 8 + 9 + 4 + 4 + 4 + Encoding.UTF8.GetByteCount(McapWriterOptions.DefaultLibrary);

    private static McapChunkIndex ChunkAt(string path, int index)
    {
        using var reader = McapReader.Open(path);
        return reader.ChunkIndexes[index];
    }

    private static void WriteRaw(string path, Action<RecordBuilder> records)
    {
        var builder = new RecordBuilder();
        builder.Raw(McapMagic.Bytes);
        builder.Header(new McapHeader("ros2", McapWriterOptions.DefaultLibrary));
        records(builder);
        File.WriteAllBytes(path, builder.Written.ToArray());
    }
}
