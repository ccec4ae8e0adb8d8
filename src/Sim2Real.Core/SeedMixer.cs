namespace Sim2Real.Core;

/// <summary>
/// Derives independent seeds from one (SplitMix64's finalizer): environment i of a vector, episode k of an
/// environment, and the separate streams inside an episode (physics factors, task, noise, visuals). Separate
/// streams keep e.g. the reach targets of seed s the same whether or not randomization is on.
/// </summary>
public static class SeedMixer
{
    public static int Mix(int seed, int stream)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (uint)stream;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }
}
