using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Ros.Messages.Sim2RealMsgs;

/// <summary>
/// sim2real_msgs/msg/PolicyTick: What the runtime saw, computed and commanded in one policy tick (on /policy/tick),
/// enough to replay the tick through the policy offline.
/// </summary>
public sealed record PolicyTick : IRosMessage<PolicyTick>
{
    public static RosTypeName TypeName { get; } = new("sim2real_msgs", "PolicyTick");

    /// <summary>stamp = the start of the tick.</summary>
    public Header Header { get; init; } = new();

    public ulong Tick { get; init; }

    public uint Episode { get; init; }

    public double JointStateAgeS { get; init; }

    /// <summary>Age of the newest camera frame in s; NaN without a camera.</summary>
    public double FrameAgeS { get; init; }

    public double InferenceS { get; init; }

    public bool DeadlineMissed { get; init; }

    /// <summary>The state vector exactly as fed to the policy.</summary>
    public float[] Observation { get; init; } = [];

    /// <summary>The stacked frames as fed to the policy, [channels, height, width] (see pixels_shape).</summary>
    public byte[] Pixels { get; init; } = [];

    public uint[] PixelsShape { get; init; } = [];

    /// <summary>RMA's estimated extrinsics z-hat; empty for other policies.</summary>
    public float[] Latent { get; init; } = [];

    public float[] RawAction { get; init; } = [];

    /// <summary>Joint targets in rad after the action mapping.</summary>
    public double[] Target { get; init; } = [];

    /// <summary>Joint targets in rad after the safety layer, as published.</summary>
    public double[] Commanded { get; init; } = [];

    /// <summary>"ok", "ramp" or "tripped:&lt;rule&gt;".</summary>
    public string SafetyState { get; init; } = "";

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Header.Write(writer);
        writer.UInt64(Tick);
        writer.UInt32(Episode);
        writer.Float64(JointStateAgeS);
        writer.Float64(FrameAgeS);
        writer.Float64(InferenceS);
        writer.Bool(DeadlineMissed);
        writer.Float32Sequence(Observation);
        writer.Bytes(Pixels);
        writer.UInt32Sequence(PixelsShape);
        writer.Float32Sequence(Latent);
        writer.Float32Sequence(RawAction);
        writer.Float64Sequence(Target);
        writer.Float64Sequence(Commanded);
        writer.String(SafetyState);
    }

    public static PolicyTick Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        Tick = reader.UInt64(),
        Episode = reader.UInt32(),
        JointStateAgeS = reader.Float64(),
        FrameAgeS = reader.Float64(),
        InferenceS = reader.Float64(),
        DeadlineMissed = reader.Bool(),
        Observation = reader.Float32Sequence(),
        Pixels = reader.Bytes(),
        PixelsShape = reader.UInt32Sequence(),
        Latent = reader.Float32Sequence(),
        RawAction = reader.Float32Sequence(),
        Target = reader.Float64Sequence(),
        Commanded = reader.Float64Sequence(),
        SafetyState = reader.String(),
    };
}
