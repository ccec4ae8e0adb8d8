using System.Diagnostics;
using System.Globalization;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Records;
using Sim2Real.Mcap.Recovery;

namespace Sim2Real.Mcap.Tests;

/// <summary>A recorder killed with SIGKILL loses at most the chunk it was writing; what it flushed stays readable.</summary>
public class CrashSafetyTests
{
    [Fact]
    public void Kill_9_while_a_chunk_fills_in_memory_loses_only_that_chunk()
    {
        using var dir = new TempDirectory();
        var path = dir.File("deploy.mcap");
        var (written, flushed) = RunAndKill("idle", path, chunks: 4);

        Assert.Equal(4 * CrashingRecorder.MessagesPerChunk, flushed);
        var linear = ReadLinear(path);
        Assert.Equal(McapReadEndKind.Unclosed, linear.End.Kind);
        Assert.Equal(flushed, linear.Messages);

        var report = Recover(path, dir.File("recovered.mcap"));
        Assert.Equal(flushed, report.Messages);
        Assert.Equal(4, report.Chunks);
        Assert.True(written - report.Messages <= CrashingRecorder.MessagesPerChunk, $"lost {written - report.Messages} messages, more than one chunk");
        Assert.False(report.LostData);
        AssertContiguousImages(dir.File("recovered.mcap"), flushed);
    }

    [Fact]
    public void Kill_9_in_the_middle_of_writing_a_chunk_loses_only_that_chunk_and_recover_cuts_it_off()
    {
        using var dir = new TempDirectory();
        var path = dir.File("deploy.mcap");
        var (written, flushed) = RunAndKill("mid-chunk", path, chunks: 3);

        Assert.Equal(3 * CrashingRecorder.MessagesPerChunk, flushed);
        var linear = ReadLinear(path);
        Assert.Equal(McapReadEndKind.Truncated, linear.End.Kind);
        Assert.Equal("Chunk (0x06)", linear.End.Record);
        Assert.Equal(flushed, linear.Messages);

        var report = Recover(path, dir.File("recovered.mcap"));
        Assert.Equal((flushed, 3, 1), (report.Messages, report.Chunks, report.LostChunks));
        Assert.Null(report.LostMessages);
        Assert.True(report.LostData);
        Assert.Equal(new FileInfo(path).Length - linear.End.Offset, report.LostBytes);
        Assert.True(written - report.Messages <= CrashingRecorder.MessagesPerChunk, $"lost {written - report.Messages} messages, more than one chunk");
        AssertContiguousImages(dir.File("recovered.mcap"), flushed);
    }

    private static (long Written, long Flushed) RunAndKill(string mode, string path, int chunks)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", typeof(CrashSafetyTests).Assembly.Location, mode, path, chunks.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the recorder process");
        var line = child.StandardOutput.ReadLine();
        // SIGKILL: no finally blocks, no Dispose, no flush of anything still in memory.
        child.Kill();
        child.WaitForExit();
        var parts = line?.Split(' ') ?? [];
        Assert.True(parts.Length == 3 && parts[0] == "ready", $"recorder said '{line}'");
        return (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static (McapReadEnd End, long Messages) ReadLinear(string path)
    {
        using var reader = McapLinearReader.Open(path);
        var messages = reader.Records().OfType<McapChunk>().Sum(c => c.Records.Count(r => r.Record is McapMessage));
        return (reader.End!, messages);
    }

    private static McapRecoveryReport Recover(string input, string output)
    {
        using var stream = File.Create(output);
        return McapRecovery.Recover(input, stream);
    }

    private static void AssertContiguousImages(string path, long count)
    {
        using var reader = McapReader.Open(path);
        var sequences = reader.ReadMessages().Select(m => (long)m.Message.Sequence).ToList();
        Assert.Equal(Enumerable.Range(0, (int)count).Select(i => (long)i), sequences);
        Assert.Equal((ulong)count, reader.Statistics!.MessageCount);
    }
}
