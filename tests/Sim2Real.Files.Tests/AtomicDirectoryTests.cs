namespace Sim2Real.Files.Tests;

public sealed class AtomicDirectoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_filled_folder_appears_whole_under_its_name()
    {
        var target = Path.Combine(_dir, "frames");

        AtomicDirectory.Write(target, "frame_*.png", temp =>
        {
            Assert.False(Directory.Exists(target), "the target appeared before it was complete");
            File.WriteAllText(Path.Combine(temp, "frame_000000.png"), "0");
            File.WriteAllText(Path.Combine(temp, "frame_000001.png"), "1");
        });

        Assert.Equal(["frame_000000.png", "frame_000001.png"], Directory.GetFiles(target).Select(Path.GetFileName).Order());
        Assert.Equal([target], Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void A_failed_fill_leaves_no_folder_behind()
    {
        var target = Path.Combine(_dir, "frames");

        Assert.Throws<InvalidDataException>(() => AtomicDirectory.Write(target, "frame_*.png", temp =>
        {
            File.WriteAllText(Path.Combine(temp, "frame_000000.png"), "0");
            throw new InvalidDataException("no camera 'nosuch'");
        }));

        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void A_failed_fill_leaves_an_earlier_run_as_it_was()
    {
        var target = Path.Combine(_dir, "frames");
        AtomicDirectory.Write(target, "frame_*.png", temp => File.WriteAllText(Path.Combine(temp, "frame_000000.png"), "old"));

        Assert.Throws<InvalidDataException>(() => AtomicDirectory.Write(target, "frame_*.png", _ => throw new InvalidDataException("NaN")));

        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "frame_000000.png")));
        Assert.Equal([target], Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void An_earlier_run_is_replaced_whole_so_no_stale_frames_remain()
    {
        var target = Path.Combine(_dir, "frames");
        AtomicDirectory.Write(target, "frame_*.png", temp =>
        {
            File.WriteAllText(Path.Combine(temp, "frame_000000.png"), "a");
            File.WriteAllText(Path.Combine(temp, "frame_000001.png"), "b");
        });

        AtomicDirectory.Write(target, "frame_*.png", temp => File.WriteAllText(Path.Combine(temp, "frame_000000.png"), "c"));

        Assert.Equal(["frame_000000.png"], Directory.GetFiles(target).Select(Path.GetFileName));
    }

    [Fact]
    public void A_folder_holding_other_files_is_never_replaced()
    {
        var target = Path.Combine(_dir, "mine");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "keep me");

        var error = Assert.Throws<IOException>(() => AtomicDirectory.Write(target, "frame_*.png", _ => { }));

        Assert.Contains("notes.txt", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(target, "notes.txt")));
        Assert.Equal([target], Directory.GetFileSystemEntries(_dir));
    }
}
