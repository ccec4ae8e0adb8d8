using System.Globalization;

namespace Sim2Real.Mcap.Bench;

/// <summary><see cref="WriterBench"/>'s results as a fixed-width table, one row per stream and compression.</summary>
public static class WriterBenchTable
{
    // CPU seconds too: on a shared, loaded machine wall time measures the neighbours as much as the writer.
    public static string Header { get; } =
        $"{"stream",-24} {"compression",-11} {"messages",9} {"payload MB",11} {"file MB",9} {"wall s",8} {"cpu s",8} {"MB/s",8} {"msg/s",9} {"x real time",12} {"MB/cpu-s",9} {"x real time/cpu",16}";

    public static string Title(WriterBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture,
            $"log bench: {options.Seconds} s of log time per stream, chunks of 1 s, fsync per chunk, zstd level {options.ZstdLevel}, {Environment.ProcessorCount} cores, files in {options.Folder}");
    }

    public static string Row(WriterBenchResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.Stream,-24} {r.Compression,-11} {r.Messages,9} {r.PayloadBytes / 1e6,11:0.0} {r.FileBytes / 1e6,9:0.00} {r.WallSeconds,8:0.000} {r.CpuSeconds,8:0.000} {r.PayloadMBPerSecond,8:0.0} {r.MessagesPerSecond,9:0} {r.RealTimeFactor,12:0.0} {r.PayloadMBPerCpuSecond,9:0.0} {r.RealTimeFactorPerCpu,16:0.0}");
    }
}
