namespace Sim2Real.Mcap.Tests;

internal static class RepoRoot
{
    /// <summary>The repository root (holds Sim2Real.sln).</summary>
    public static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sim2Real.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Sim2Real.sln not found above " + AppContext.BaseDirectory);
    }
}
