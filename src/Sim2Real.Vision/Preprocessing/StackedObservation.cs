namespace Sim2Real.Vision.Preprocessing;

/// <summary>
/// A policy observation: uint8 [Channels, Height, Width], channel-first, the oldest frame's three channels first
/// (DrQ-v2's frame stack). <see cref="Timestamp"/> is when the newest frame was captured or rendered.
/// </summary>
public sealed record StackedObservation(byte[] Data, int Channels, int Height, int Width, DateTimeOffset Timestamp, long Sequence)
{
    public int[] Shape => [Channels, Height, Width];
}
