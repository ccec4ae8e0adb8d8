using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Sim2Real.Files;

/// <summary>
/// Replaces a file so that a crash at any instant (kill -9, power loss) leaves either the old complete file or
/// the new complete file: write a temporary file beside it, fsync it, rename it over the target, fsync the folder.
/// A failed write leaves the target as it was and no temporary file.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>Writes the file through a stream.</summary>
    /// <exception cref="IOException">The target is a folder, or the write failed (the target is untouched).</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Replace(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            write(stream);
            stream.Flush(flushToDisk: true);
        }, keepExtension: false, synced: true);
    }

    public static void WriteAllText(string path, string content) => WriteAllBytes(path, Encoding.UTF8.GetBytes(content));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        var bytes = content.ToArray();
        Write(path, stream => stream.Write(bytes));
    }

    /// <summary>
    /// For writers that take a path (an encoder process, a native library): <paramref name="write"/> creates the file
    /// at the temporary path it is given, which ends in the target's extension so tools that choose a format by it
    /// (ffmpeg) choose the same one. The file is then fsynced and renamed over the target.
    /// </summary>
    /// <exception cref="IOException">The target is a folder, the writer made no file, or the write failed.</exception>
    public static void WriteVia(string path, Action<string> write) => Replace(path, write, keepExtension: true, synced: false);

    private static void Replace(string path, Action<string> write, bool keepExtension, bool synced)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        // "out/" names a folder even before it exists; writing there would make the folder and then fail the rename.
        if (Directory.Exists(full) || Path.EndsInDirectorySeparator(path))
        {
            throw new IOException($"{path}: is a folder; give a file name to write");
        }

        var directory = Path.GetDirectoryName(full) ?? throw new IOException($"{path}: has no parent folder");
        Directory.CreateDirectory(directory);
        RemoveStaleTemporaries(full);
        var temp = TempPathFor(full, keepExtension);
        try
        {
            write(temp);
            if (!File.Exists(temp))
            {
                throw new IOException($"{path}: the writer finished without writing a file");
            }

            if (!synced)
            {
                SyncFile(temp);
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

    /// <summary>
    /// Temporary files are hidden siblings of the target, so the rename never crosses a file system:
    /// <c>.&lt;name&gt;.&lt;pid&gt;.&lt;guid&gt;.tmp</c>, with the target's extension after it when asked.
    /// </summary>
    internal static string TempPathFor(string fullPath, bool keepExtension = false)
    {
        var name = Path.GetFileName(fullPath);
        var extension = keepExtension ? Path.GetExtension(name) : "";
        return Path.Combine(Path.GetDirectoryName(fullPath)!, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp{extension}");
    }

    /// <summary>
    /// A writer killed mid-write leaves its temporary file (or folder) behind; the next write of the same target
    /// removes those whose process is gone, so crashes do not pile up half-written outputs.
    /// </summary>
    internal static void RemoveStaleTemporaries(string fullPath)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var prefix = $".{Path.GetFileName(fullPath)}.";
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(fullPath)!, prefix + "*.tmp*"))
        {
            var parts = Path.GetFileName(entry)[prefix.Length..].Split('.');
            if (parts.Length >= 3 && parts[2] == "tmp"
                && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
        }
    }

    private static void SyncFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The rename is durable only once the directory entry is on disk.</summary>
    internal static void SyncDirectory(string directory)
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
