namespace Sim2Real.Files.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("s2r-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_failed_write_leaves_the_old_file_and_no_temporary_file()
    {
        var path = Path.Combine(_dir, "a.txt");
        AtomicFile.WriteAllText(path, "old");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new, half"u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void A_path_writer_gets_a_temporary_name_with_the_target_extension_and_its_file_replaces_the_target()
    {
        var path = Path.Combine(_dir, "video.mp4");
        string? seen = null;

        AtomicFile.WriteVia(path, temp =>
        {
            seen = temp;
            File.WriteAllText(temp, "frames");
        });

        Assert.EndsWith(".mp4", seen, StringComparison.Ordinal);
        Assert.StartsWith(".video.mp4.", Path.GetFileName(seen), StringComparison.Ordinal);
        Assert.Equal("frames", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void A_path_writer_that_fails_after_writing_part_of_its_file_leaves_nothing()
    {
        var path = Path.Combine(_dir, "video.mp4");

        Assert.Throws<InvalidDataException>(() => AtomicFile.WriteVia(path, temp =>
        {
            File.WriteAllText(temp, "half a video");
            throw new InvalidDataException("the policy acted with NaN");
        }));

        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void A_path_writer_that_writes_no_file_is_an_error_naming_the_target()
    {
        var path = Path.Combine(_dir, "x.png");

        var error = Assert.Throws<IOException>(() => AtomicFile.WriteVia(path, _ => { }));

        Assert.Contains("x.png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_over_a_folder_is_refused_saying_it_is_a_folder()
    {
        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(_dir, "x"));

        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
        Assert.True(Directory.Exists(_dir));
    }

    [Fact]
    public void A_path_ending_in_a_separator_is_a_folder_and_no_folder_is_made_for_it()
    {
        var path = Path.Combine(_dir, "new") + Path.DirectorySeparatorChar;

        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(path, "x"));

        Assert.Equal($"{path}: is a folder; give a file name to write", error.Message);
        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void Temporaries_of_a_writer_that_died_are_removed_by_the_next_write()
    {
        var path = Path.Combine(_dir, "c.bin");
        var dead = Path.Combine(_dir, $".c.bin.{int.MaxValue}.0123abcd.tmp");
        var deadWithExtension = Path.Combine(_dir, $".c.bin.{int.MaxValue}.4567abcd.tmp.bin");
        File.WriteAllText(dead, "half");
        File.WriteAllText(deadWithExtension, "half");

        AtomicFile.WriteAllText(path, "whole");

        Assert.Equal([path], Directory.GetFileSystemEntries(_dir));
    }
}
