namespace Sim2Real.Cli.Commands.Sim;

/// <summary>
/// Finds a robot's <c>robots/&lt;name&gt;/scene.xml</c>: the repository root is the nearest folder, from the working
/// directory upwards, that holds <c>Sim2Real.sln</c> (SIM2REAL_ROOT overrides it).
/// </summary>
internal static class RobotScenes
{
    public const string RootVariable = "SIM2REAL_ROOT";

    public static string SceneOf(string robot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(robot);
        var robots = Path.Combine(RepositoryRoot(), "robots");
        var scene = Path.Combine(robots, robot, "scene.xml");
        if (robot.IndexOfAny(['/', '\\']) < 0 && File.Exists(scene))
        {
            return scene;
        }

        var known = Directory.Exists(robots)
            ? Directory.GetDirectories(robots).Where(d => File.Exists(Path.Combine(d, "scene.xml"))).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        throw new RobotNotFoundException(
            $"unknown robot '{robot}': no {scene} (robots: {(known.Count == 0 ? "none yet" : string.Join(", ", known))})");
    }

    /// <summary>A model path from a robot folder, an MJCF file, or a robot name.</summary>
    public static string Resolve(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (Directory.Exists(target))
        {
            var scene = Path.Combine(target, "scene.xml");
            return File.Exists(scene) ? scene : throw new RobotNotFoundException($"{Path.GetFullPath(target)}: robot folder has no scene.xml");
        }

        if (File.Exists(target) || target.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return target; // a missing .xml is reported by the loader, naming the file
        }

        return SceneOf(target);
    }

    private static string RepositoryRoot()
    {
        var overridden = Environment.GetEnvironmentVariable(RootVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return overridden;
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sim2Real.sln")))
            {
                return dir.FullName;
            }
        }

        throw new RobotNotFoundException(
            $"no Sim2Real.sln in {Environment.CurrentDirectory} or above: run from the repository or set {RootVariable}");
    }
}
