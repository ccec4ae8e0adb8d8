using Sim2Real.Robotics.Spec;

namespace Sim2Real.Runtime.Tests.Support;

/// <summary>The repository's robots and launch files, found from the test assembly.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static RobotSpec Arm6 { get; } = RobotSpecFile.Load(Path.Combine(Root, "robots", "arm6"));

    public static RobotSpec Quad12 { get; } = RobotSpecFile.Load(Path.Combine(Root, "robots", "quad12"));

    public static string Launch(string name) => Path.Combine(Root, "launch", name);

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
