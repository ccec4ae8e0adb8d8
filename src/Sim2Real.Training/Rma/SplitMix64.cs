namespace Sim2Real.Training.Rma;

/// <summary>
/// A tiny generator whose whole state is one number, so a checkpoint can store it and a resumed run draws the same
/// batches (System.Random's state cannot be saved). Steele, Lea and Flood's SplitMix64.
/// </summary>
internal sealed class SplitMix64(ulong state)
{
    public ulong State { get; private set; } = state;

    /// <summary>Continues from a state <see cref="State"/> gave.</summary>
    public void Restore(ulong state) => State = state;

    public ulong Next()
    {
        var z = State += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, <paramref name="n"/>).</summary>
    public long NextLong(long n) => (long)(Next() % (ulong)n);

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
