using Sim2Real.Mcap.Bench;
using Sim2Real.Mcap.Format;
using Sim2Real.Mcap.Reading;

namespace Sim2Real.Mcap.Tests;

/// <summary><c>log bench</c>'s writer runs, on a tenth of a second of log time: what they write and what they report.</summary>
public sealed class WriterBenchTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Writes_each_stream_per_compression_at_its_rate_into_a_log_that_reads_back()
    {
        var options = new WriterBenchOptions { Seconds = 0.1, Compressions = [McapCompression.Lz4, McapCompression.None], Folder = _dir.Path };

        var results = WriterBench.Run(options).ToList();

        Assert.Equal([(WriterBench.ImageStream, "lz4"), (WriterBench.JointStateStream, "lz4"), (WriterBench.ImageStream, "none"), (WriterBench.JointStateStream, "none")],
            results.Select(r => (r.Stream, r.Compression)));
        Assert.All(results, r =>
        {
            Assert.Equal(r.Stream == WriterBench.ImageStream ? 3 : 50, r.Messages);
            Assert.Equal(new FileInfo(r.File).Length, r.FileBytes);
            Assert.True(r.PayloadBytes > 0 && r.WallSeconds > 0 && r.CpuSeconds >= 0, r.ToString());
            using var reader = McapReader.Open(r.File);
            Assert.Equal((ulong)r.Messages, reader.Statistics!.MessageCount);
        });
        var image = results[2];
        Assert.True(image.PayloadBytes > 3 * WriterBench.Width * WriterBench.Height * 3, "every image carries its 640x480x3 pixels");
        Assert.True(image.FileBytes > image.PayloadBytes, "uncompressed, the file holds every payload byte");
    }

    [Fact]
    public void A_row_states_its_figures_under_the_header_columns()
    {
        var row = WriterBenchTable.Row(new WriterBenchResult(WriterBench.JointStateStream, "zstd", "x.mcap", 5000, 2_000_000, 500_000, 0.5, 0.25, 10));

        Assert.Equal(WriterBenchTable.Header.Length, row.Length);
        Assert.Equal("JointState @ 500 Hz      zstd             5000         2.0      0.50    0.500    0.250      4.0     10000         20.0       8.0             40.0", row);
    }

    [Fact]
    public void A_bench_of_no_log_time_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WriterBench.Run(new WriterBenchOptions { Seconds = 0, Folder = _dir.Path }));
}
