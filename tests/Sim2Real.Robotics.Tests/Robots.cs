using Sim2Real.Robotics.Spec;

namespace Sim2Real.Robotics.Tests;

/// <summary>The repository's robots and fixtures, found from the test's working directory.</summary>
internal static class Robots
{
    public static string Root { get; } = FindRoot();

    public static RobotSpec Arm6 { get; } = RobotSpecFile.Load(Path.Combine(Root, "robots", "arm6"));

    public static RobotSpec Quad12 { get; } = RobotSpecFile.Load(Path.Combine(Root, "robots", "quad12"));

    public static string Fixture(string name) => Path.Combine(Root, "tests", "fixtures", "robots", name);

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
