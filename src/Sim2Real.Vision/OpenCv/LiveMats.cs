namespace Sim2Real.Vision;

/// <summary>
/// Counts the OpenCV matrix headers Sim2Real.Vision has made and not yet released: <see cref="ImageMats.Wrap"/> Mats,
/// the capture buffers and the per-call native views of the frame path. Tests read it to prove that a pipeline
/// leaves no Mat behind and that the garbage collector never had to finalize one.
/// </summary>
public static class LiveMats
{
    private static long _live;
    private static long _finalized;

    /// <summary>Headers made and not yet disposed, across all threads.</summary>
    public static long Count => Interlocked.Read(ref _live);

    /// <summary>Mats that reached the finalizer without being disposed: each is a leak a deterministic path missed.</summary>
    public static long Finalized => Interlocked.Read(ref _finalized);

    internal static void Made() => Interlocked.Increment(ref _live);

    internal static void Released() => Interlocked.Decrement(ref _live);

    internal static void Leaked()
    {
        Interlocked.Decrement(ref _live);
        Interlocked.Increment(ref _finalized);
    }
}
