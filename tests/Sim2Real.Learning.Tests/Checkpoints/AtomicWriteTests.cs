using System.Diagnostics;
using Sim2Real.Learning.Checkpoints;

namespace Sim2Real.Learning.Tests.Checkpoints;

public class AtomicWriteTests
{
    [Fact]
    public void Kill_9_in_the_middle_of_writing_leaves_the_old_checkpoint_intact()
    {
        using var dir = new TempDirectory();
        var path = dir.File("agent.safetensors");
        using (var child = StartWriter(path, fill: 1))
        {
            Assert.Equal("halfway", child.StandardOutput.ReadLine());
            child.StandardInput.WriteLine();
            Assert.Equal("done", child.StandardOutput.ReadLine());
            child.WaitForExit();
        }

        using (var child = StartWriter(path, fill: 2))
        {
            Assert.Equal("halfway", child.StandardOutput.ReadLine());
            // The temporary file now holds half of the new checkpoint; SIGKILL gives the writer no chance to clean up.
            Assert.Single(Directory.GetFiles(dir.Path, ".agent.safetensors.*.tmp"));
            child.Kill();
            child.WaitForExit();
        }

        AssertCompleteCheckpoint(path, fill: 1);

        // The next write cleans up what the killed writer left behind.
        SafetensorsWriter.Write(path, [SafeTensor.Create<float>("w", [1], [1f])]);
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Checkpoint_written_to_the_end_by_a_child_process_replaces_the_old_one()
    {
        using var dir = new TempDirectory();
        var path = dir.File("agent.safetensors");
        SafetensorsWriter.Write(path, [SafeTensor.Create<float>("old", [1], [1f])]);
        using (var child = StartWriter(path, fill: 3))
        {
            Assert.Equal("halfway", child.StandardOutput.ReadLine());
            child.StandardInput.WriteLine();
            child.WaitForExit();
            Assert.Equal(0, child.ExitCode);
        }

        AssertCompleteCheckpoint(path, fill: 3);
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Failure_while_writing_leaves_the_target_untouched_and_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("c.safetensors");
        SafetensorsWriter.Write(path, [SafeTensor.Create<float>("w", [2], [1f, 2f])]);
        var before = File.ReadAllBytes(path);
        var big = SafeTensor.FromBytes("w", SafetensorsDtype.F32, [1 << 20], new byte[4 << 20]);

        Assert.Throws<IOException>(() => SafetensorsWriter.Write(path, [big], null,
            stream => new PausingStream(stream, pauseAfter: 1 << 20, () => throw new IOException("disk full"))));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    private static Process StartWriter(string path, int fill)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(AtomicWriteTests).Assembly.Location);
        start.ArgumentList.Add("write-checkpoint");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(fill.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the writer process");
    }

    private static void AssertCompleteCheckpoint(string path, int fill)
    {
        using var file = SafetensorsFile.Open(path);
        Assert.Equal(fill.ToString(System.Globalization.CultureInfo.InvariantCulture), file.Metadata["fill"]);
        var data = file["weights"].Data.Span;
        Assert.Equal(CrashingWriter.Elements * 4, data.Length);
        Assert.Equal(-1, data.IndexOfAnyExcept((byte)fill));
    }
}
