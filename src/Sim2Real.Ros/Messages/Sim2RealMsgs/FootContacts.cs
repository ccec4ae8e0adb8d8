using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.Sim2RealMsgs;

/// <summary>sim2real_msgs/msg/FootContacts: Which feet touch the ground and how hard (on /foot_contacts).</summary>
public sealed record FootContacts : IRosMessage<FootContacts>
{
    public static RosTypeName TypeName { get; } = new("sim2real_msgs", "FootContacts");

    public Header Header { get; init; } = new();

    public string[] Name { get; init; } = [];

    public bool[] InContact { get; init; } = [];

    /// <summary>Normal contact force per foot, in N.</summary>
    public double[] NormalForceN { get; init; } = [];

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.StringSequence(Name);
        writer.BoolSequence(InContact);
        writer.Float64Sequence(NormalForceN);
    }

    public static FootContacts Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Name = reader.StringSequence(),
        InContact = reader.BoolSequence(),
        NormalForceN = reader.Float64Sequence(),
    };
}
