using Sim2Real.Core;
using Sim2Real.Sim.Configuration;
using Sim2Real.Sim.Randomization;
using YamlDotNet.Serialization;

namespace Sim2Real.Sim.Robots;

/// <summary>
/// A robot's typed config (robots/&lt;name&gt;/robot.yaml): model and scenes, control rate, joint limits and gains,
/// action scaling, cameras and domain-randomization ranges. Units are in the field names.
/// </summary>
public sealed class RobotConfig
{
    public const string FileName = "robot.yaml";

    public string Name { get; init; } = "";

    /// <summary>The robot's own MJCF, relative to the robot folder.</summary>
    public string Model { get; init; } = "";

    /// <summary>Scene files by task family, relative to the robot folder; each includes <see cref="Model"/>.</summary>
    public Dictionary<string, string> Scenes { get; init; } = [];

    public ControlConfig Control { get; init; } = new();

    /// <summary>Site whose position is the end effector, for arms.</summary>
    public string? EndEffectorSite { get; init; }

    public TerrainConfig? Terrain { get; init; }

    public List<JointConfig> Joints { get; init; } = [];

    public List<CameraConfig> Cameras { get; init; } = [];

    public RandomizationConfig Randomization { get; init; } = new();

    /// <summary>The folder the config was loaded from; scene and model paths resolve against it.</summary>
    [YamlIgnore]
    public string Directory { get; private set; } = "";

    /// <summary>The file the config was loaded from, for error messages.</summary>
    [YamlIgnore]
    public string Source { get; private set; } = "";

    /// <summary>Loads and validates a robot config file.</summary>
    /// <exception cref="InvalidConfigException">Names the file and the offending field.</exception>
    public static RobotConfig Load(string path)
    {
        var full = Path.GetFullPath(path);
        var config = YamlConfigReader.ReadFile<RobotConfig>(full);
        config.Directory = Path.GetDirectoryName(full)!;
        config.Source = full;
        config.Validate();
        return config;
    }

    /// <summary>Absolute path of a named scene.</summary>
    /// <exception cref="InvalidConfigException">The robot has no scene of that name.</exception>
    public string ScenePath(string scene)
    {
        if (!Scenes.TryGetValue(scene, out var file))
        {
            throw new InvalidConfigException(Source, "scenes", $"robot '{Name}' has no scene '{scene}'; it has: {string.Join(", ", Scenes.Keys)}");
        }

        return Path.Combine(Directory, file);
    }

    /// <summary>The camera of that name, or an error listing the robot's cameras.</summary>
    public CameraConfig Camera(string name) =>
        Cameras.Find(c => c.Name == name)
        ?? throw new InvalidConfigException(Source, "cameras", $"robot '{Name}' has no camera '{name}'; it has: {string.Join(", ", Cameras.Select(c => c.Name))}");

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new InvalidConfigException(Source, "name", "the robot needs a name");
        }

        if (string.IsNullOrWhiteSpace(Model) || !File.Exists(Path.Combine(Directory, Model)))
        {
            throw new InvalidConfigException(Source, "model", $"robot file '{Model}' not found next to the config");
        }

        if (Scenes.Count == 0)
        {
            throw new InvalidConfigException(Source, "scenes", "at least one scene is needed");
        }

        foreach (var (scene, file) in Scenes)
        {
            if (!File.Exists(Path.Combine(Directory, file)))
            {
                throw new InvalidConfigException(Source, $"scenes.{scene}", $"scene file '{file}' not found next to the config");
            }
        }

        Control.Validate(Source);
        Terrain?.Validate(Source);
        if (Joints.Count == 0)
        {
            throw new InvalidConfigException(Source, "joints", "at least one actuated joint is needed");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Joints.Count; i++)
        {
            Joints[i].Validate(Source, $"joints[{i}]");
            if (!names.Add(Joints[i].Name))
            {
                throw new InvalidConfigException(Source, $"joints[{i}].name", $"joint '{Joints[i].Name}' is listed twice");
            }
        }

        for (var i = 0; i < Cameras.Count; i++)
        {
            Cameras[i].Validate(Source, $"cameras[{i}]");
        }

        Randomization.Validate(Source, "randomization.");
    }
}
