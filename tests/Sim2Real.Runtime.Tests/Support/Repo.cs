using Sim2Real.Robotics.Spec;

namespace Sim2Real.Runtime.Tests.Support;

/// <summary>The repository's robots and launch files, found from the test assembly.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static RobotSpec Arm6 { get; } = RobotSpecFile.Load(Path.Combine(Root, "robots", "arm6"));

    public static RobotSpec Quad12 { get; } = RobotSpecFile.Load(Path.Combine(Root, "robots", "quad12"));

    public static string Launch(string name) => Path.Combine(Root, "launch", name);

    /// <summary>
    /// The shipped launch/<paramref name="name"/> copied to <paramref name="path"/> for a test: its <c>../</c> paths
    /// made absolute (the copy lives elsewhere), its policy replaced when <paramref name="policy"/> is given, then
    /// each change applied; a change whose text the file lacks throws, so a test never runs an unchanged copy.
    /// </summary>
    public static string LaunchCopy(string name, string path, string? policy = null, params (string From, string To)[] changes)
    {
        var text = File.ReadAllText(Launch(name))
            .Replace("robot: ../", $"robot: {Root}/", StringComparison.Ordinal)
            .Replace("policy: ../", $"policy: {Root}/", StringComparison.Ordinal);
        if (policy is not null)
        {
            text = System.Text.RegularExpressions.Regex.Replace(text, "^policy: .*$", $"policy: {policy}", System.Text.RegularExpressions.RegexOptions.Multiline);
        }

        foreach (var (from, to) in changes)
        {
            if (!text.Contains(from, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"launch/{name} has no '{from}' to change");
            }

            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        File.WriteAllText(path, text);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "robots")) && File.Exists(Path.Combine(dir.FullName, "Sim2Real.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no repository root (robots/ and Sim2Real.sln) above the test assembly");
    }
}
