using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Records;
using Sim2Real.Mcap.Writing;

namespace Sim2Real.Mcap.Recovery;

/// <summary>
/// Rebuilds a complete MCAP file from a damaged one, like <c>mcap recover</c>: a linear read keeps every whole,
/// CRC-valid chunk (copied verbatim, still compressed), every schema, channel, attachment and metadata record, and
/// writes fresh message indexes, summary, summary offsets and footer. A truncated tail, corrupt chunks and
/// attachments are left out and reported.
/// </summary>
public static class McapRecovery
{
    /// <summary>Recovers <paramref name="input"/> into <paramref name="output"/> (left open); never writes to the input.</summary>
    /// <exception cref="McapFormatException">The input is not MCAP at all, or its Header is unreadable.</exception>
    public static McapRecoveryReport Recover(string input, Stream output)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        using var stream = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        return Recover(stream, input, output);
    }

    /// <summary>Recovers the MCAP data of <paramref name="input"/> (named <paramref name="file"/> in messages) into <paramref name="output"/>; both are left open.</summary>
    public static McapRecoveryReport Recover(Stream input, string file, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var reader = new McapLinearReader(input, file, recover: true, leaveOpen: true);
        using var writer = new McapWriter(output, new McapWriterOptions { Profile = reader.Header.Profile, Library = reader.Header.Library }, leaveOpen: true);
        var state = new State();
        foreach (var record in reader.Records())
        {
            Take(record, reader, writer, state, file);
        }

        var end = reader.End!;
        var lostBytes = state.LostBytes;
        if (end.Kind is McapReadEndKind.Truncated or McapReadEndKind.Corrupt)
        {
            lostBytes += end.BytesLeft;
            state.Problems.Add($"{end}; {end.BytesLeft} bytes from there on are not recovered");
            switch (end.Record)
            {
                case var r when r == McapOpcodeNames.Of(McapOpcode.Chunk) && !state.InSummary:
                    state.LostChunks++;
                    state.UnknownLoss = true;
                    break;
                case var r when r == McapOpcodeNames.Of(McapOpcode.Attachment) && !state.InSummary:
                    state.LostAttachments++;
                    break;
                case var r when r == McapOpcodeNames.Of(McapOpcode.Metadata) && !state.InSummary:
                    state.LostMetadata++;
                    break;
                case var r when end.Kind == McapReadEndKind.Corrupt && !state.InSummary && r != McapOpcodeNames.Of(McapOpcode.MessageIndex):
                    // Garbage in the data section: whatever followed it cannot be counted.
                    state.UnknownLoss = true;
                    break;
            }
        }

        long? lostMessages = state.UnknownLoss ? null : state.LostMessages;
        if (state.InputStatistics is { } stats && end.Kind == McapReadEndKind.Complete)
        {
            lostMessages = Math.Max(0, (long)stats.MessageCount - state.Messages);
        }

        writer.Close();
        return new McapRecoveryReport(state.Messages, state.Chunks, state.Channels.Count, state.Schemas.Count, state.Attachments, state.Metadata,
            state.LostChunks, lostMessages, state.LostAttachments, state.LostMetadata, lostBytes, end, state.Problems);
    }

    private static void Take(McapRecord record, McapLinearReader reader, McapWriter writer, State state, string input)
    {
        if (record is McapMessageIndex lostIndex && state.AwaitingLostIndex)
        {
            state.LostMessages += lostIndex.Entries.Count;
            state.LostIndexSeen = true;
            return;
        }

        if (state.AwaitingLostIndex)
        {
            // A skipped chunk with no message index after it: how many messages it held cannot be known.
            state.UnknownLoss |= !state.LostIndexSeen;
            state.AwaitingLostIndex = false;
        }

        switch (record)
        {
            case McapChunk chunk:
                writer.CopyChunk(chunk, reader.LastChunkCompressedRecords.Span, chunk.Records);
                state.Chunks++;
                foreach (var (_, inner) in chunk.Records)
                {
                    Note(inner, state);
                }

                break;
            case McapSchema schema when !state.InSummary:
                writer.DeclareSchema(schema);
                Note(schema, state);
                break;
            case McapChannel channel when !state.InSummary:
                writer.DeclareChannel(channel);
                Note(channel, state);
                break;
            case McapMessage message when !state.InSummary:
                writer.WriteMessage(message.ChannelId, message.LogTime, message.PublishTime, message.Data.Span, message.Sequence);
                state.Messages++;
                break;
            case McapAttachment attachment:
                writer.WriteAttachment(attachment);
                state.Attachments++;
                break;
            case McapMetadata metadata:
                writer.WriteMetadata(metadata);
                state.Metadata++;
                break;
            case McapSkippedRecord skipped:
                state.LostBytes += skipped.Length;
                state.Problems.Add($"{input}: offset {skipped.Offset}: {McapOpcodeNames.Of(skipped.Opcode)}: {skipped.Problem}; skipped {skipped.Length} bytes");
                if (skipped.Opcode == (byte)McapOpcode.Chunk)
                {
                    state.LostChunks++;
                    state.AwaitingLostIndex = true;
                    state.LostIndexSeen = false;
                }
                else if (skipped.Opcode == (byte)McapOpcode.Attachment)
                {
                    state.LostAttachments++;
                }
                else if (skipped.Opcode == (byte)McapOpcode.Metadata)
                {
                    state.LostMetadata++;
                }

                break;
            case McapDataEnd:
                state.InSummary = true;
                break;
            case McapStatistics statistics:
                state.InputStatistics = statistics;
                break;
        }
    }

    private static void Note(McapRecord record, State state)
    {
        switch (record)
        {
            case McapSchema schema:
                state.Schemas.Add(schema.Id);
                break;
            case McapChannel channel:
                state.Channels.Add(channel.Id);
                break;
            case McapMessage:
                state.Messages++;
                break;
        }
    }

    private sealed class State
    {
        public HashSet<ushort> Schemas { get; } = [];

        public HashSet<ushort> Channels { get; } = [];

        public List<string> Problems { get; } = [];

        public long Messages { get; set; }

        public int Chunks { get; set; }

        public int Attachments { get; set; }

        public int Metadata { get; set; }

        public int LostChunks { get; set; }

        public long LostMessages { get; set; }

        public int LostAttachments { get; set; }

        public int LostMetadata { get; set; }

        public long LostBytes { get; set; }

        public bool UnknownLoss { get; set; }

        public bool AwaitingLostIndex { get; set; }

        public bool LostIndexSeen { get; set; }

        public bool InSummary { get; set; }

        public McapStatistics? InputStatistics { get; set; }
    }
}
