namespace Sim2Real.Training;

/// <summary>The commit a checkout is at, read from .git without running git (a packaged tool may have no git).</summary>
public static class GitCommit
{
    /// <summary>The HEAD commit of the repository containing <paramref name="start"/> (or the working directory), or null.</summary>
    public static string? Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start ?? Directory.GetCurrentDirectory())); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (File.Exists(git))
            {
                // A worktree: ".git" is a file "gitdir: <path>".
                var line = File.ReadAllText(git).Trim();
                git = line.StartsWith("gitdir:", StringComparison.Ordinal) ? Path.GetFullPath(line[7..].Trim(), dir.FullName) : git;
            }

            if (Directory.Exists(git))
            {
                return Resolve(git);
            }
        }

        return null;
    }

    private static string? Resolve(string git)
    {
        var head = Path.Combine(git, "HEAD");
        if (!File.Exists(head))
        {
            return null;
        }

        var text = File.ReadAllText(head).Trim();
        if (!text.StartsWith("ref: ", StringComparison.Ordinal))
        {
            return text;
        }

        var reference = text[5..];
        // Worktrees keep HEAD locally but refs in the common dir.
        var common = File.Exists(Path.Combine(git, "commondir"))
            ? Path.GetFullPath(File.ReadAllText(Path.Combine(git, "commondir")).Trim(), git)
            : git;
        foreach (var root in new[] { git, common })
        {
            var file = Path.Combine(root, reference);
            if (File.Exists(file))
            {
                return File.ReadAllText(file).Trim();
            }
        }

        var packed = Path.Combine(common, "packed-refs");
        return File.Exists(packed)
            ? File.ReadLines(packed).Select(l => l.Split(' ')).FirstOrDefault(p => p.Length == 2 && p[1] == reference)?[0]
            : null;
    }
}
