using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Messages;

namespace Sim2Real.Ros.Tests.Messages;

public class MessageDescriptorTests
{
    public static TheoryData<string> AllTypes() => [.. RosMessageTypes.All.Concat(GraphTypes.All).Select(t => t.Name.Ros)];

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Record_codec_matches_its_idlc_descriptor_byte_for_byte(string type)
    {
        var messageType = RosMessageTypes.Find(RosTypeName.Parse(type)) ?? GraphTypes.Find(RosTypeName.Parse(type))!;

        var info = MessageDescriptors.Verify(messageType);

        Assert.Equal(messageType.Name.Dds, info.DdsTypeName);
        Assert.True(info.StructSize > 0);
    }
}
