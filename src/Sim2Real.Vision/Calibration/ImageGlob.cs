using System.Text.RegularExpressions;

namespace Sim2Real.Vision.Calibration;

/// <summary>
/// Expands a shell-style pattern such as <c>shots/left*.jpg</c> or <c>left0[1-6].jpg</c>: wildcards <c>*</c>, <c>?</c> and
/// character classes <c>[...]</c> (<c>[!...]</c> negated), in the file name only, as glob(7) reads them.
/// </summary>
public static class ImageGlob
{
    /// <exception cref="FileNotFoundException">The folder does not exist or nothing matches.</exception>
    /// <exception cref="ArgumentException">The pattern is malformed or names a folder (its message has no parameter name: it reaches users).</exception>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var directory = Path.GetDirectoryName(pattern);
        directory = string.IsNullOrEmpty(directory) ? "." : directory;
        var name = Path.GetFileName(pattern);
        if (directory.IndexOfAny(['*', '?', '[']) >= 0)
        {
            throw new ArgumentException($"{pattern}: wildcards are supported in the file name only, not in folders");
        }

        if (!Directory.Exists(directory))
        {
            throw new FileNotFoundException($"{pattern}: no such folder {directory}");
        }

        if (Directory.Exists(pattern))
        {
            throw new ArgumentException($"{pattern}: is a folder; give a pattern for the images in it, such as {Path.Combine(pattern, "*.jpg")}");
        }

        var regex = new Regex("^" + Translate(name, pattern) + "$");
        var matches = Directory.EnumerateFiles(directory)
            .Where(f => regex.IsMatch(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return matches.Count > 0 ? matches : throw new FileNotFoundException($"{pattern}: no files match");
    }

    private static string Translate(string name, string pattern)
    {
        var regex = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '*')
            {
                regex.Append(".*");
            }
            else if (c == '?')
            {
                regex.Append('.');
            }
            else if (c == '[')
            {
                // glob(7): ']' right after '[' (or '[!') is a member, not the end.
                var start = i + 1 < name.Length && name[i + 1] == '!' ? i + 2 : i + 1;
                var end = name.IndexOf(']', start < name.Length && name[start] == ']' ? start + 1 : start);
                if (end < 0)
                {
                    throw new ArgumentException($"{pattern}: '[' at {i} opens a character class that is never closed with ']'");
                }

                var members = name[start..end];
                regex.Append('[').Append(start == i + 2 ? "^" : "").Append(members.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("^", @"\^", StringComparison.Ordinal).Replace("[", @"\[", StringComparison.Ordinal)).Append(']');
                i = end;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}
