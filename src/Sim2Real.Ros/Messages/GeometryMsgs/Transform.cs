using Sim2Real.Ros.Cdr;

namespace Sim2Real.Ros.Messages.GeometryMsgs;

/// <summary>geometry_msgs/msg/Transform: The transform between two frames: translation, then rotation.</summary>
public sealed record Transform : IRosMessage<Transform>
{
    public static RosTypeName TypeName { get; } = new("geometry_msgs", "Transform");

    public Vector3 Translation { get; init; } = new();

    public Quaternion Rotation { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Translation.Write(writer);
        Rotation.Write(writer);
    }

    public static Transform Read(ref CdrReader reader) => new()
    {
        Translation = Vector3.Read(ref reader),
        Rotation = Quaternion.Read(ref reader),
    };
}
