using Sim2Real.Sim.Robots;

namespace Sim2Real.Cli.Commands.Sim;

/// <summary>
/// Turns what a user typed into a model file: a robot name (robots/&lt;name&gt;/scene.xml, found through
/// <see cref="RobotCatalog"/>), a robot folder (its scene.xml), or an MJCF file.
/// </summary>
internal static class RobotScenes
{
    public const string SceneFile = "scene.xml";

    public const string ConfigFile = "robot.yaml";

    /// <summary>The robot.yaml beside the scene a target resolves to, when the target is a robot (folder or name).</summary>
    public static string? ConfigOf(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var folder = Directory.Exists(target) ? target
            : File.Exists(target) || target.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? null
            : Path.GetDirectoryName(SceneOf(target));
        var config = folder is null ? null : Path.Combine(folder, ConfigFile);
        return config is not null && File.Exists(config) ? config : null;
    }

    /// <summary>robots/&lt;name&gt;/scene.xml of a known robot; unknown names list the known ones.</summary>
    public static string SceneOf(string robot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(robot);
        var catalog = RobotCatalog.Discover();
        var scene = Path.Combine(catalog.Root, robot, SceneFile);
        if (robot.IndexOfAny(['/', '\\']) >= 0 || !File.Exists(scene))
        {
            var known = catalog.Names;
            throw new RobotNotFoundException(
                $"unknown robot '{robot}': no {scene} (robots: {(known.Count == 0 ? "none" : string.Join(", ", known))})");
        }

        return scene;
    }

    /// <summary>A model path from a robot folder, an MJCF file, or a robot name.</summary>
    public static string Resolve(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (Directory.Exists(target))
        {
            var scene = Path.Combine(target, SceneFile);
            return File.Exists(scene) ? scene : throw new RobotNotFoundException($"{Path.GetFullPath(target)}: robot folder has no {SceneFile}");
        }

        if (File.Exists(target) || target.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return target; // a missing .xml is reported by the loader, naming the file
        }

        return SceneOf(target);
    }
}
