using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.StdMsgs;

/// <summary>
/// std_msgs/msg/Empty: A message without fields (a trigger such as a reset). On the wire it is the one byte rosidl
/// adds because an IDL struct needs a member (<c>uint8 structure_needs_at_least_one_member</c>); it is not a field.
/// </summary>
public sealed record Empty : IRosMessage<Empty>
{
    public static RosTypeName TypeName { get; } = new("std_msgs", "Empty");

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.UInt8(0);
    }

    public static Empty Read(ref CdrReader reader)
    {
        // rmw ignores the placeholder's value, and so does this reader.
        reader.UInt8();
        return new Empty();
    }
}
