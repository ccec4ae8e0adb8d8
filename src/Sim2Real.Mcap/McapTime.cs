namespace Sim2Real.Mcap;

/// <summary>MCAP timestamps: unsigned nanoseconds since the Unix epoch (what rosbag2 records).</summary>
public static class McapTime
{
    public static ulong FromDateTimeOffset(DateTimeOffset time) =>
        checked((ulong)((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100));

    public static DateTimeOffset ToDateTimeOffset(ulong nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(checked((long)(nanoseconds / 100)));

    public static ulong FromSeconds(double seconds) => checked((ulong)Math.Round(seconds * 1e9));
}
