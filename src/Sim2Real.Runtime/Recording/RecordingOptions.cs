using Sim2Real.Mcap.Format;

namespace Sim2Real.Runtime.Recording;

/// <summary>What a deployment recorder writes and how (from the launch file's <c>logging:</c> section).</summary>
public sealed record RecordingOptions
{
    public ImageRecording Images { get; init; } = ImageRecording.Raw;

    /// <summary>Camera images recorded at most this often (decimation); null records every frame the loop takes.</summary>
    public double? ImageRateHz { get; init; } = 10;

    public int JpegQuality { get; init; } = 90;

    public McapCompression Compression { get; init; } = McapCompression.Zstd;

    /// <summary>A chunk is closed (and safe from a crash) after this long: at most this much is lost to SIGKILL.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    public long ChunkSizeBytes { get; init; } = 8L << 20;

    /// <summary>Messages waiting for the writer thread; beyond it new ones are dropped and counted, never waited for.</summary>
    public int QueueCapacity { get; init; } = 65536;
}
