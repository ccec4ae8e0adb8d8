using System.IO.Hashing;
using Sim2Real.Mcap.Records;

namespace Sim2Real.Mcap.Format;

/// <summary>Turns one record's content into its typed record, checking lengths and the attachment CRC.</summary>
internal static class RecordDecoder
{
    /// <summary>Every record except Chunk (see <see cref="ChunkHeader"/>); unknown opcodes come back as <see cref="McapUnknownRecord"/>.</summary>
    public static McapRecord Decode(byte opcode, ReadOnlyMemory<byte> content, string file, long offset)
    {
        var p = new RecordParser(content, file, offset, opcode);
        return (McapOpcode)opcode switch
        {
            McapOpcode.Header => new McapHeader(p.String("profile"), p.String("library")),
            McapOpcode.Footer => new McapFooter(p.UInt64("summary_start"), p.UInt64("summary_offset_start"), p.UInt32("summary_crc")),
            McapOpcode.Schema => new McapSchema(p.UInt16("id"), p.String("name"), p.String("encoding"), p.Bytes32("data")),
            McapOpcode.Channel => new McapChannel(p.UInt16("id"), p.UInt16("schema_id"), p.String("topic"), p.String("message_encoding"), p.StringMap("metadata")),
            McapOpcode.Message => new McapMessage(p.UInt16("channel_id"), p.UInt32("sequence"), p.UInt64("log_time"), p.UInt64("publish_time"), p.Rest()),
            McapOpcode.MessageIndex => new McapMessageIndex(p.UInt16("channel_id"), p.IndexEntries("records")),
            McapOpcode.ChunkIndex => new McapChunkIndex(
                p.UInt64("message_start_time"), p.UInt64("message_end_time"), p.UInt64("chunk_start_offset"), p.UInt64("chunk_length"),
                p.UInt16UInt64Map("message_index_offsets"), p.UInt64("message_index_length"), p.String("compression"),
                p.UInt64("compressed_size"), p.UInt64("uncompressed_size")),
            McapOpcode.Attachment => Attachment(ref p, content),
            McapOpcode.AttachmentIndex => new McapAttachmentIndex(
                p.UInt64("offset"), p.UInt64("length"), p.UInt64("log_time"), p.UInt64("create_time"), p.UInt64("data_size"),
                p.String("name"), p.String("media_type")),
            McapOpcode.Statistics => new McapStatistics(
                p.UInt64("message_count"), p.UInt16("schema_count"), p.UInt32("channel_count"), p.UInt32("attachment_count"),
                p.UInt32("metadata_count"), p.UInt32("chunk_count"), p.UInt64("message_start_time"), p.UInt64("message_end_time"),
                p.UInt16UInt64Map("channel_message_counts")),
            McapOpcode.Metadata => new McapMetadata(p.String("name"), p.StringMap("metadata")),
            McapOpcode.MetadataIndex => new McapMetadataIndex(p.UInt64("offset"), p.UInt64("length"), p.String("name")),
            McapOpcode.SummaryOffset => SummaryOffset(ref p),
            McapOpcode.DataEnd => new McapDataEnd(p.UInt32("data_section_crc")),
            McapOpcode.Chunk => throw new InvalidOperationException("chunks are read with ChunkHeader.Decode"),
            _ when opcode == 0 => throw p.Error("opcode 0x00 is not a record (corrupt data?)"),
            _ => new McapUnknownRecord(opcode, content),
        };
    }

    private static McapAttachment Attachment(ref RecordParser p, ReadOnlyMemory<byte> content)
    {
        var attachment = new McapAttachment(p.UInt64("log_time"), p.UInt64("create_time"), p.String("name"), p.String("media_type"), p.Bytes64("data"));
        var fieldsLength = content.Length - p.Remaining;
        var crc = p.UInt32("crc");
        if (crc != 0)
        {
            var actual = Crc32.HashToUInt32(content.Span[..fieldsLength]);
            if (actual != crc)
            {
                throw p.Error($"bad CRC: attachment '{attachment.Name}' records crc 0x{crc:x8}, its bytes give 0x{actual:x8}");
            }
        }

        return attachment;
    }

    private static McapSummaryOffset SummaryOffset(ref RecordParser p) =>
        new((McapOpcode)p.UInt8("group_opcode"), p.UInt64("group_start"), p.UInt64("group_length"));
}
