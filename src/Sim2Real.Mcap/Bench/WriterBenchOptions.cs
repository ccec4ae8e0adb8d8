using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Writing;

namespace Sim2Real.Mcap.Bench;

/// <summary>What <see cref="WriterBench"/> writes: how much log time per stream, with which compressions, where.</summary>
public sealed record WriterBenchOptions
{
    /// <summary>Seconds of log time written per stream and compression.</summary>
    public double Seconds { get; init; } = 10;

    public IReadOnlyList<McapCompression> Compressions { get; init; } = [McapCompression.Zstd, McapCompression.Lz4, McapCompression.None];

    /// <summary>The zstd level of the zstd runs.</summary>
    public int ZstdLevel { get; init; } = new McapWriterOptions().ZstdLevel;

    /// <summary>The folder the logs are written in (it must exist); each run replaces its own file there.</summary>
    public required string Folder { get; init; }

    /// <summary>The clock that stamps the messages and times the runs.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
