using Sim2Real.Core;

namespace Sim2Real.Sim.Robots;

/// <summary>
/// The robots/ folder: one menagerie-style folder per robot, each with a robot.yaml. Finds the folder from the
/// working directory or the program's location, so the CLI and tests work from anywhere inside the repository.
/// </summary>
public sealed class RobotCatalog
{
    public RobotCatalog(string root)
    {
        if (!System.IO.Directory.Exists(root))
        {
            throw new InvalidConfigException(root, "(robots folder)", "folder not found");
        }

        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>Names of every robot folder holding a robot.yaml, sorted.</summary>
    public IReadOnlyList<string> Names =>
        System.IO.Directory.GetDirectories(Root)
            .Where(d => File.Exists(Path.Combine(d, RobotConfig.FileName)))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Loads a robot's config by folder name.</summary>
    /// <exception cref="InvalidConfigException">Unknown robot (the message lists the known ones) or a bad config.</exception>
    public RobotConfig Load(string name)
    {
        var path = Path.Combine(Root, name, RobotConfig.FileName);
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new InvalidConfigException(Root, "robot", $"unknown robot '{name}'; known robots: {string.Join(", ", Names)}");
        }

        return RobotConfig.Load(path);
    }

    /// <summary>
    /// The robots/ folder of SIM2REAL_ROOT when set, else the nearest above the working directory or above this
    /// assembly, whichever is found first.
    /// </summary>
    public static RobotCatalog Discover()
    {
        var root = Environment.GetEnvironmentVariable("SIM2REAL_ROOT");
        if (!string.IsNullOrWhiteSpace(root))
        {
            return new RobotCatalog(Path.Combine(root, "robots"));
        }

        foreach (var start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "robots");
                if (System.IO.Directory.Exists(candidate))
                {
                    return new RobotCatalog(candidate);
                }
            }
        }

        throw new InvalidConfigException(System.IO.Directory.GetCurrentDirectory(), "robots", "no robots/ folder found here or above; run from inside the repository");
    }
}
