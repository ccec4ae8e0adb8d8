using Sim2Real.Ros.Cdr;
using Sim2Real.Ros.Messages.GeometryMsgs;

namespace Sim2Real.Ros.Messages.Sim2RealMsgs;

/// <summary>sim2real_msgs/msg/FaultCommand: A fault for the simulated robot to inject (on /sim/fault); CLEAR ends them all.</summary>
public sealed record FaultCommand : IRosMessage<FaultCommand>
{
    /// <summary>Kind: end every active fault.</summary>
    public const byte CLEAR = 0;
    /// <summary>Kind: stop publishing /joint_states.</summary>
    public const byte STOP_JOINT_STATES = 1;
    /// <summary>Kind: keep publishing /joint_states with the last values (fresh stamps, stale data).</summary>
    public const byte FREEZE_JOINT_STATES = 2;
    /// <summary>Kind: stop publishing camera frames.</summary>
    public const byte DROP_CAMERA = 3;
    /// <summary>Kind: delay incoming commands by magnitude seconds, plus up to jitter_s.</summary>
    public const byte COMMAND_LATENCY = 4;
    /// <summary>Kind: push the base with magnitude newtons along direction.</summary>
    public const byte PUSH = 5;
    /// <summary>Kind: add Gaussian noise of standard deviation magnitude radians to joint positions.</summary>
    public const byte SENSOR_NOISE = 6;

    public static RosTypeName TypeName { get; } = new("sim2real_msgs", "FaultCommand");

    public byte Kind { get; init; }

    /// <summary>How long the fault lasts, in seconds; 0 lasts until CLEAR.</summary>
    public double DurationS { get; init; }

    /// <summary>Latency in s (COMMAND_LATENCY), force in N (PUSH) or noise standard deviation in rad (SENSOR_NOISE).</summary>
    public double Magnitude { get; init; }

    /// <summary>Extra random latency up to this many seconds (COMMAND_LATENCY).</summary>
    public double JitterS { get; init; }

    /// <summary>Push direction in the world frame (PUSH).</summary>
    public Vector3 Direction { get; init; } = new();

    public void Write(CdrWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.UInt8(Kind);
        writer.Float64(DurationS);
        writer.Float64(Magnitude);
        writer.Float64(JitterS);
        Direction.Write(writer);
    }

    public static FaultCommand Read(ref CdrReader reader) => new()
    {
        Kind = reader.UInt8(),
        DurationS = reader.Float64(),
        Magnitude = reader.Float64(),
        JitterS = reader.Float64(),
        Direction = Vector3.Read(ref reader),
    };
}
