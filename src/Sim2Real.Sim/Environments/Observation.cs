namespace Sim2Real.Sim.Environments;

/// <summary>
/// One observation as named arrays. Float arrays: <c>proprio</c> (joint positions relative to home, joint
/// velocities, previous action), <c>task</c> (what the task needs: targets, commands, base velocities),
/// <c>env_factors</c> (the privileged e_t RMA learns from). <c>pixels</c>, when enabled, is uint8
/// [stack*3, H, W], channel-first, oldest frame first, like DrQ-v2's frame stack.
/// </summary>
public sealed class Observation
{
    public const string Proprio = "proprio";
    public const string Task = "task";
    public const string EnvFactors = "env_factors";
    public const string PixelsName = "pixels";

    internal Observation(IReadOnlyDictionary<string, float[]> floats, byte[]? pixels)
    {
        Floats = floats;
        Pixels = pixels;
    }

    /// <summary>The float arrays by name; their order and shapes are in the environment's observation spec.</summary>
    public IReadOnlyDictionary<string, float[]> Floats { get; }

    /// <summary>The stacked frames, or null when the environment has no pixel observation.</summary>
    public byte[]? Pixels { get; }

    /// <summary>A float array by name; the error lists the names there are.</summary>
    public float[] this[string name] =>
        Floats.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"no observation '{name}'; there are: {string.Join(", ", Floats.Keys)}{(Pixels is null ? "" : ", pixels")}");

    /// <summary><c>proprio</c> followed by <c>task</c>: the state a state-based agent (no pixels) acts on.</summary>
    public float[] State() => [.. Floats[Proprio], .. Floats[Task]];
}
