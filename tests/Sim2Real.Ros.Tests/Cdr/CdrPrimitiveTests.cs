using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.Sim2RealMsgs;

namespace Sim2Real.Ros.Tests.Cdr;

/// <summary>The element types the deployment messages added: each aligned as XCDR1 aligns it, and read back as written.</summary>
public class CdrPrimitiveTests
{
    [Fact]
    public void A_uint64_aligns_to_eight_bytes_and_keeps_its_upper_half()
    {
        using var writer = new CdrWriter();
        writer.UInt8(1);
        writer.UInt64(0x0123_4567_89ab_cdefUL);

        var bytes = writer.Written.ToArray();
        var reader = new CdrReader(bytes);

        Assert.Equal(4 + 8 + 8, bytes.Length);
        Assert.Equal(1, reader.UInt8());
        Assert.Equal(0x0123_4567_89ab_cdefUL, reader.UInt64());
    }

    [Fact]
    public void A_float32_sequence_aligns_its_elements_to_four_bytes_not_eight()
    {
        using var writer = new CdrWriter();
        writer.Float32Sequence([1.5f, -2.25f]);

        var bytes = writer.Written.ToArray();

        // header (4), length 2 (4), two floats (8): the floats start at body offset 4, with no pad to 8 before them.
        Assert.Equal(4 + 4 + 8, bytes.Length);
        Assert.Equal(1.5f, BitConverter.ToSingle(bytes, 8));
        Assert.Equal([1.5f, -2.25f], new CdrReader(bytes).Float32Sequence());
    }

    [Fact]
    public void Uint32_and_bool_sequences_read_back_as_written()
    {
        using var writer = new CdrWriter();
        writer.BoolSequence([true, false, true]);
        writer.UInt32Sequence([3, 84, uint.MaxValue]);

        var reader = new CdrReader(writer.Written);

        Assert.Equal([true, false, true], reader.BoolSequence());
        Assert.Equal([3u, 84u, uint.MaxValue], reader.UInt32Sequence());
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void Big_endian_float32_uint32_and_uint64_decode()
    {
        byte[] bytes = [0x00, 0x00, 0x00, 0x00, 0, 0, 0, 1, 0x3f, 0xc0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 84, 0, 0, 0, 1, 0, 0, 0, 2];
        var reader = new CdrReader(bytes);

        Assert.Equal([1.5f], reader.Float32Sequence());
        Assert.Equal([84u], reader.UInt32Sequence());
        Assert.Equal(0x1_0000_0002UL, reader.UInt64());
    }

    [Fact]
    public void A_bool_sequence_holding_a_byte_other_than_zero_or_one_is_malformed()
    {
        byte[] bytes = [0x00, 0x01, 0x00, 0x00, 2, 0, 0, 0, 1, 5];

        Assert.Throws<MalformedMessageException>(() => new CdrReader(bytes).BoolSequence());
    }

    [Fact]
    public void A_float32_sequence_longer_than_the_message_is_rejected_before_allocating()
    {
        byte[] bytes = [0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0, 0, 0, 0];

        Assert.Throws<MalformedMessageException>(() => new CdrReader(bytes).Float32Sequence());
    }

    [Fact]
    public void Every_prefix_of_a_policy_tick_is_rejected_as_malformed_never_misread()
    {
        var bytes = RosMessage.Encode(new PolicyTick
        {
            Tick = 9, Observation = [0.5f, 1f], Pixels = [1, 2, 3], PixelsShape = [3, 1, 1], RawAction = [0.25f], Commanded = [0.1], SafetyState = "ok",
        });

        // The message ends in a string, so every shorter prefix cuts a field.
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes[..length];
            Assert.Throws<MalformedMessageException>(() => RosMessage.Decode<PolicyTick>(prefix));
        }

        Assert.Equal([3u, 1u, 1u], RosMessage.Decode<PolicyTick>(bytes).PixelsShape);
    }
}
