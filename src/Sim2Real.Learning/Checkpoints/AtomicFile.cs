using System.Runtime.InteropServices;

namespace Sim2Real.Learning.Checkpoints;

/// <summary>
/// Replaces a file so that a crash at any instant (kill -9, power loss) leaves either the old complete file or
/// the new complete file: write a temporary file beside it, fsync it, rename it over the target, fsync the folder.
/// </summary>
public static partial class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new ArgumentException($"{path}: no parent directory", nameof(path));
        Directory.CreateDirectory(directory);
        RemoveStaleTemporaries(full);
        var temp = TempPathFor(full);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            // rename(2) replaces the target in one step; until it happens the old file is untouched.
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        SyncDirectory(directory);
    }

    /// <summary>Temporary files are hidden siblings of the target, so the rename never crosses a file system.</summary>
    internal static string TempPathFor(string fullPath)
        => Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    /// <summary>
    /// A writer killed mid-write leaves its temporary file behind; the next write of the same target removes those
    /// whose process is gone, so crashes do not pile up half-written checkpoints.
    /// </summary>
    internal static void RemoveStaleTemporaries(string fullPath)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var prefix = $".{Path.GetFileName(fullPath)}.";
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(fullPath)!, prefix + "*.tmp"))
        {
            var parts = Path.GetFileName(file)[prefix.Length..].Split('.');
            if (parts.Length == 3 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The rename is durable only once the directory entry is on disk.</summary>
    private static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var fd = Open(directory, 0);
        if (fd < 0)
        {
            throw new IOException($"{directory}: cannot open directory to fsync it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"{directory}: fsync of directory failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
