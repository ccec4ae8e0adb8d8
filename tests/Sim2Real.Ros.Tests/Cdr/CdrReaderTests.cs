using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.StdMsgs;
using RosString = Sim2Real.Ros.Messages.StdMsgs.String;

namespace Sim2Real.Ros.Tests.Cdr;

public class CdrReaderTests
{
    [Fact]
    public void A_string_message_is_plain_little_endian_CDR_with_the_ROS_encapsulation_header()
    {
        var bytes = RosMessage.Encode(new RosString { Data = "hi" });

        Assert.Equal(new byte[] { 0x00, 0x01, 0x00, 0x00, 3, 0, 0, 0, (byte)'h', (byte)'i', 0 }, bytes);
    }

    [Fact]
    public void Doubles_align_to_eight_bytes_counted_from_after_the_header()
    {
        var bytes = RosMessage.Encode(new Float64MultiArray { Data = [1.5] });

        // layout.dim length (4), layout.data_offset (4), data length (4), pad (4), 1.5 (8)
        Assert.Equal(4 + 4 + 4 + 4 + 4 + 8, bytes.Length);
        Assert.Equal(1.5, BitConverter.ToDouble(bytes, 20));
    }

    [Fact]
    public void Every_prefix_of_a_valid_image_is_rejected_as_malformed_never_misread()
    {
        var bytes = RosMessage.Encode(new Image { Header = new Header { FrameId = "cam" }, Height = 1, Width = 2, Encoding = "rgb8", Step = 6, Data = [1, 2, 3, 4, 5, 6] });

        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes[..length];
            Assert.Throws<MalformedMessageException>(() => RosMessage.Decode<Image>(prefix));
        }

        Assert.Equal([1, 2, 3, 4, 5, 6], RosMessage.Decode<Image>(bytes).Data);
    }

    [Fact]
    public void A_sequence_length_larger_than_the_message_is_rejected_before_allocating()
    {
        byte[] bytes = [0x00, 0x01, 0x00, 0x00, 0xff, 0xff, 0xff, 0x7f];

        var e = Assert.Throws<MalformedMessageException>(() => RosMessage.Decode<JointState>(bytes));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_boolean_other_than_zero_or_one_is_malformed()
    {
        byte[] bytes = [0x00, 0x01, 0x00, 0x00, 2];

        Assert.Throws<MalformedMessageException>(() => RosMessage.Decode<Bool>(bytes));
    }

    [Fact]
    public void Bytes_left_over_after_a_complete_message_mean_another_type()
    {
        var twoStrings = RosMessage.Encode(new KeyValueProbe());

        var e = Assert.Throws<MalformedMessageException>(() => RosMessage.Decode<RosString>(twoStrings));

        Assert.Contains("left after a complete std_msgs/msg/String", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Big_endian_CDR_from_another_vendor_decodes()
    {
        byte[] bytes = [0x00, 0x00, 0x00, 0x00, 0, 0, 0, 3, (byte)'o', (byte)'k', 0];

        Assert.Equal("ok", RosMessage.Decode<RosString>(bytes).Data);
    }

    [Fact]
    public void A_fixed_size_array_of_the_wrong_length_is_refused_when_publishing()
    {
        var info = new CameraInfo { K = new double[8] };

        var e = Assert.Throws<ArgumentException>(() => RosMessage.Encode(info));

        Assert.Contains("k must have exactly 9 elements", e.Message, StringComparison.Ordinal);
    }

    private sealed record KeyValueProbe : IRosMessage<KeyValueProbe>
    {
        public static RosTypeName TypeName { get; } = new("test_msgs", "TwoStrings");

        public static KeyValueProbe Read(ref CdrReader reader) => new();

        public void Write(CdrWriter writer)
        {
            writer.String("first");
            writer.String("second, which a String reader does not expect");
        }
    }
}
