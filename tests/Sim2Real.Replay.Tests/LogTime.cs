namespace Sim2Real.Replay.Tests;

/// <summary>Log times of the synthetic logs: nanoseconds from a fixed instant, as a recorder stamps them.</summary>
internal static class LogTime
{
    public const ulong Start = 1_764_590_400_000_000_000;

    public static ulong At(double seconds) => Start + (ulong)Math.Round(seconds * 1e9);

    public static Sim2Real.Ros.Messages.BuiltinInterfaces.Time Stamp(ulong ns) =>
        new() { Sec = (int)(ns / 1_000_000_000), Nanosec = (uint)(ns % 1_000_000_000) };
}
