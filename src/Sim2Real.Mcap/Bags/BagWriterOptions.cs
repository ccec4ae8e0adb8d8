using Sim2Real.Core;
using Sim2Real.Mcap.Writing;

namespace Sim2Real.Mcap.Bags;

/// <summary>How a <see cref="BagWriter"/> splits its files, as <c>ros2 bag record</c>'s options do.</summary>
public sealed record BagWriterOptions
{
    /// <summary>Start a new file once the current one holds this many bytes (<c>--max-bag-size</c>); 0: never.</summary>
    public long MaxBagSizeBytes { get; init; }

    /// <summary>Start a new file once the current one spans this much log time (<c>--max-bag-duration</c>); zero: never.</summary>
    public TimeSpan MaxBagDuration { get; init; }

    /// <summary>Each file's layout (compression, chunking, flush interval).</summary>
    public McapWriterOptions Mcap { get; init; } = new();

    /// <exception cref="InvalidConfigException">Names the flag.</exception>
    public void Validate()
    {
        if (MaxBagSizeBytes < 0)
        {
            throw new InvalidConfigException("command line", "--max-bag-size", $"must be 0 (no splitting) or a size in bytes, got {MaxBagSizeBytes}");
        }

        if (MaxBagDuration < TimeSpan.Zero)
        {
            throw new InvalidConfigException("command line", "--max-bag-duration", $"must be 0 (no splitting) or a number of seconds, got {MaxBagDuration.TotalSeconds}");
        }

        Mcap.Validate();
    }
}
