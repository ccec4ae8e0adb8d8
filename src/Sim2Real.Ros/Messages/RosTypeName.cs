using Sim2Real.Core;

namespace Sim2Real.Ros.Messages;

/// <summary>
/// A ROS 2 message type name and its DDS spellings: <c>sensor_msgs/msg/Image</c> travels as
/// <c>sensor_msgs::msg::dds_::Image_</c>, and idlc names its descriptor <c>sensor_msgs_msg_dds__Image__desc</c>.
/// </summary>
public sealed record RosTypeName(string Package, string Name)
{
    /// <summary>The name as ROS 2 tools print it, e.g. <c>sensor_msgs/msg/Image</c>.</summary>
    public string Ros => $"{Package}/msg/{Name}";

    /// <summary>The DDS type name ROS 2 uses on the wire.</summary>
    public string Dds => $"{Package}::msg::dds_::{Name}_";

    /// <summary>The symbol of the idlc-generated <c>dds_topic_descriptor_t</c> in libs2r_rosmsgs.</summary>
    public string DescriptorSymbol => $"{Package}_msg_dds__{Name}__desc";

    public override string ToString() => Ros;

    /// <summary>Parses <c>pkg/msg/Type</c> or the short <c>pkg/Type</c> that <c>ros2 topic</c> also accepts.</summary>
    public static RosTypeName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        var valid = parts.Length switch
        {
            2 => parts.All(IsIdentifier),
            3 => parts[1] == "msg" && IsIdentifier(parts[0]) && IsIdentifier(parts[2]),
            _ => false,
        };
        if (!valid)
        {
            throw new InvalidConfigException("message type", text, "expected pkg/msg/Type (or pkg/Type), e.g. sensor_msgs/msg/Image");
        }

        return new RosTypeName(parts[0], parts[^1]);
    }

    /// <summary>Parses the DDS spelling <c>pkg::msg::dds_::Type_</c>; null when it is not a ROS 2 message type.</summary>
    public static RosTypeName? FromDds(string ddsName)
    {
        ArgumentNullException.ThrowIfNull(ddsName);
        var parts = ddsName.Split("::");
        if (parts.Length != 4 || parts[1] != "msg" || parts[2] != "dds_" || !parts[3].EndsWith('_') || parts[3].Length < 2)
        {
            return null;
        }

        return new RosTypeName(parts[0], parts[3][..^1]);
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
