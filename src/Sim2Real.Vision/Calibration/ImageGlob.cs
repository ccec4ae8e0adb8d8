using System.Text.RegularExpressions;

namespace Sim2Real.Vision.Calibration;

/// <summary>Expands a shell-style pattern such as <c>shots/left*.jpg</c> (wildcards * and ? in the file name only).</summary>
public static class ImageGlob
{
    /// <exception cref="FileNotFoundException">The folder does not exist or nothing matches.</exception>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var directory = Path.GetDirectoryName(pattern);
        directory = string.IsNullOrEmpty(directory) ? "." : directory;
        var name = Path.GetFileName(pattern);
        if (directory.IndexOfAny(['*', '?']) >= 0)
        {
            throw new ArgumentException($"{pattern}: wildcards are supported in the file name only, not in folders", nameof(pattern));
        }

        if (!Directory.Exists(directory))
        {
            throw new FileNotFoundException($"{pattern}: no such folder {directory}");
        }

        var regex = new Regex("^" + Regex.Escape(name).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$");
        var matches = Directory.EnumerateFiles(directory)
            .Where(f => regex.IsMatch(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return matches.Count > 0 ? matches : throw new FileNotFoundException($"{pattern}: no files match");
    }
}
