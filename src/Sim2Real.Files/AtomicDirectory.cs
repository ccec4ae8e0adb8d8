namespace Sim2Real.Files;

/// <summary>
/// Fills a folder of outputs (numbered frames, say) so that a failure leaves no partial folder: the files are
/// written into a hidden temporary sibling, which is renamed to the target only when all of them are written.
/// </summary>
public static class AtomicDirectory
{
    /// <summary>
    /// Calls <paramref name="fill"/> with an empty temporary folder, then puts it in place of <paramref name="path"/>.
    /// An existing target is replaced only when every entry in it matches <paramref name="replaceablePattern"/>
    /// (what an earlier run of the same writer left): a folder holding anything else is never deleted.
    /// </summary>
    /// <exception cref="IOException">The target is a file, or a folder holding other files; or the fill failed (nothing is left behind).</exception>
    public static void Write(string path, string replaceablePattern, Action<string> fill)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(replaceablePattern);
        ArgumentNullException.ThrowIfNull(fill);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        CheckReplaceable(full, path, replaceablePattern);
        var parent = Path.GetDirectoryName(full) ?? throw new IOException($"{path}: has no parent folder");
        Directory.CreateDirectory(parent);
        AtomicFile.RemoveStaleTemporaries(full);
        var temp = AtomicFile.TempPathFor(full);
        Directory.CreateDirectory(temp);
        string? old = null;
        try
        {
            fill(temp);
            foreach (var file in Directory.EnumerateFiles(temp))
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
                stream.Flush(flushToDisk: true);
            }

            AtomicFile.SyncDirectory(temp);
            CheckReplaceable(full, path, replaceablePattern);
            if (Directory.Exists(full))
            {
                old = AtomicFile.TempPathFor(full);
                Directory.Move(full, old);
            }

            Directory.Move(temp, full);
        }
        catch
        {
            if (old is not null && !Directory.Exists(full))
            {
                Directory.Move(old, full);
                old = null;
            }

            Directory.Delete(temp, recursive: true);
            throw;
        }

        AtomicFile.SyncDirectory(parent);
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    private static void CheckReplaceable(string full, string path, string pattern)
    {
        if (File.Exists(full))
        {
            throw new IOException($"{path}: is a file; give a folder to write into");
        }

        if (Directory.Exists(full))
        {
            var foreign = Directory.EnumerateFileSystemEntries(full).Except(Directory.EnumerateFiles(full, pattern)).FirstOrDefault();
            if (foreign is not null)
            {
                throw new IOException($"{path}: folder holds {Path.GetFileName(foreign)}, which this writer did not make; give a new or empty folder");
            }
        }
    }
}
