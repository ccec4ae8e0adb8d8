using Sim2Real.Core;

namespace Sim2Real.Learning.Replay;

/// <summary>
/// Shape and sampling settings of a replay buffer. Defaults are DrQ-v2's: 1,000,000 transitions, n-step 3,
/// discount 0.99, 3 stacked frames of [3, 84, 84].
/// </summary>
public sealed record ReplayOptions
{
    /// <summary>Steps held before the oldest are overwritten.</summary>
    public int Capacity { get; init; } = 1_000_000;

    /// <summary>Shape of one stored frame: [3, H, W] for pixels, [D] for state vectors.</summary>
    public IReadOnlyList<int> FrameShape { get; init; } = [3, 84, 84];

    /// <summary>Frames concatenated (oldest first) into one observation; the first frame repeats at episode starts.</summary>
    public int FrameStack { get; init; } = 3;

    public int ActionDim { get; init; } = 1;

    public int NStep { get; init; } = 3;

    public double Discount { get; init; } = 0.99;

    public ulong Seed { get; init; } = 1;

    /// <summary>Threads copying a batch's frames; draws stay sequential, so batches do not depend on it.</summary>
    public int SampleThreads { get; init; } = 1;

    /// <summary>Folder for the memory-mapped storage. Null: a fresh temporary folder removed on dispose.</summary>
    public string? Directory { get; init; }

    public long FrameLength
    {
        get
        {
            long n = 1;
            foreach (var d in FrameShape)
            {
                n *= d;
            }

            return n;
        }
    }

    public long ObservationLength => FrameLength * FrameStack;

    /// <exception cref="InvalidConfigException">Names <paramref name="source"/> and the offending field.</exception>
    public ReplayOptions Validate(string source = "replay options")
    {
        if (Capacity < 2)
        {
            throw new InvalidConfigException(source, "capacity", $"must hold at least 2 steps, got {Capacity}");
        }

        if (FrameShape is null || FrameShape.Count == 0 || FrameShape.Any(d => d < 1))
        {
            throw new InvalidConfigException(source, "frame_shape", $"must be non-empty with positive sizes, got [{string.Join(", ", FrameShape ?? [])}]");
        }

        if (FrameLength > int.MaxValue / Math.Max(1, FrameStack))
        {
            throw new InvalidConfigException(source, "frame_shape", $"a stacked observation of {FrameLength} x {FrameStack} elements is too large");
        }

        if (FrameStack < 1)
        {
            throw new InvalidConfigException(source, "frame_stack", $"must be at least 1, got {FrameStack}");
        }

        if (ActionDim < 1)
        {
            throw new InvalidConfigException(source, "action_dim", $"must be at least 1, got {ActionDim}");
        }

        if (NStep < 1 || NStep >= Capacity)
        {
            throw new InvalidConfigException(source, "nstep", $"must be in [1, capacity), got {NStep}");
        }

        if (!double.IsFinite(Discount) || Discount < 0 || Discount > 1)
        {
            throw new InvalidConfigException(source, "discount", $"must be in [0, 1], got {Discount}");
        }

        if (SampleThreads < 1)
        {
            throw new InvalidConfigException(source, "sample_threads", $"must be at least 1, got {SampleThreads}");
        }

        return this;
    }
}
