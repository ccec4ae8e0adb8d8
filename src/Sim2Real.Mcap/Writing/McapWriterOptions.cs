using Sim2Real.Core;
using Sim2Real.Mcap.Format;

namespace Sim2Real.Mcap.Writing;

/// <summary>How an <see cref="McapWriter"/> lays out its file.</summary>
public sealed record McapWriterOptions
{
    /// <summary>The writing library recorded in the Header.</summary>
    public static readonly string DefaultLibrary = $"sim2real mcap {typeof(McapWriterOptions).Assembly.GetName().Version?.ToString(3) ?? "0"}";

    /// <summary>The Header profile; <c>ros2</c> as rosbag2 writes it.</summary>
    public string Profile { get; init; } = "ros2";

    public string Library { get; init; } = DefaultLibrary;

    /// <summary>Chunk compression; zstd by default, as rosbag2's zstd presets.</summary>
    public McapCompression Compression { get; init; } = McapCompression.Zstd;

    /// <summary>
    /// zstd level (negative: faster, up to 22: smaller). 1, the level of the mcap C++ writer's default that rosbag2
    /// uses: zstd's own 3 holds a 640x480 rgb8 camera at 30 Hz only just above real time on one core.
    /// </summary>
    public int ZstdLevel { get; init; } = 1;

    /// <summary>
    /// A chunk closes once its uncompressed records reach this many bytes. Large enough that the flush interval,
    /// not the size, ends chunks of a 640x480 rgb8 stream at 30 Hz (about 28 MB/s).
    /// </summary>
    public long ChunkSize { get; init; } = 32L << 20;

    /// <summary>
    /// A chunk also closes once it spans this much message log time, or once this long has passed on
    /// <see cref="TimeProvider"/> since its first message. Each closed chunk is flushed to disk, so a killed writer
    /// loses at most the data of one interval. About 1 s by default.
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock for the wall-time side of <see cref="FlushInterval"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws naming the option when a value cannot work.</summary>
    public void Validate()
    {
        if (ChunkSize < 1 || ChunkSize > 1L << 30)
        {
            throw new InvalidConfigException("mcap writer", "chunk_size", $"must be 1 byte .. 1 GiB, got {ChunkSize}");
        }

        if (FlushInterval <= TimeSpan.Zero)
        {
            throw new InvalidConfigException("mcap writer", "flush_interval", $"must be positive, got {FlushInterval}");
        }

        if (ZstdLevel is < -7 or > 22)
        {
            throw new InvalidConfigException("mcap writer", "zstd_level", $"must be -7..22, got {ZstdLevel}");
        }

        if (!Enum.IsDefined(Compression))
        {
            throw new InvalidConfigException("mcap writer", "compression", $"unknown value {Compression}");
        }

        ArgumentNullException.ThrowIfNull(Profile);
        ArgumentNullException.ThrowIfNull(Library);
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
