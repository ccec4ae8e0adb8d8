namespace Sim2Real.Ros.Transport;

/// <summary>One received sample as bytes (encapsulation header included) with the writer's source timestamp.</summary>
public sealed record SerializedMessage(byte[] Cdr, DateTimeOffset SourceTimestamp);
