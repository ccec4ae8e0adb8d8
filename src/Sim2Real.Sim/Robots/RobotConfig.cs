using Sim2Real.Core;
using Sim2Real.Robotics.Configuration;
using Sim2Real.Robotics.Spec;
using Sim2Real.Sim.Randomization;

namespace Sim2Real.Sim.Robots;

/// <summary>
/// A robot as the simulator knows it (robots/&lt;name&gt;/robot.yaml): the deployable <see cref="Spec"/> shared with
/// the real robot (joints, control timing, cameras, kinematics; read by Sim2Real.Robotics), plus what only the
/// simulator needs: the MJCF model and scenes, terrain and domain-randomization ranges. Units are in field names.
/// </summary>
public sealed class RobotConfig
{
    public const string FileName = RobotSpecFile.FileName;

    private RobotConfig(RobotSpec spec, SimSections sim, string directory)
    {
        Spec = spec;
        Model = sim.Model ?? "";
        Scenes = sim.Scenes ?? [];
        Terrain = sim.Terrain;
        Randomization = sim.Randomization ?? new RandomizationConfig();
        Directory = directory;
        var steps = spec.Control.PeriodS / spec.Kinematics.TimestepS;
        PhysicsStepsPerControl = (int)Math.Round(steps);
    }

    /// <summary>The deployable facts: what a policy trained here is checked against on the real robot.</summary>
    public RobotSpec Spec { get; }

    public string Name => Spec.Name;

    public ControlSpec Control => Spec.Control;

    public string? EndEffectorSite => Spec.EndEffectorSite;

    public IReadOnlyList<JointSpec> Joints => Spec.Joints;

    public IReadOnlyList<CameraSpec> Cameras => Spec.Cameras;

    /// <summary>The robot's own MJCF, relative to the robot folder.</summary>
    public string Model { get; }

    /// <summary>Scene files by task family, relative to the robot folder; each includes <see cref="Model"/>.</summary>
    public IReadOnlyDictionary<string, string> Scenes { get; }

    public TerrainConfig? Terrain { get; }

    public RandomizationConfig Randomization { get; }

    /// <summary>Physics steps per control period: control.period_s over the model's timestep.</summary>
    public int PhysicsStepsPerControl { get; }

    /// <summary>The folder the config was loaded from; scene and model paths resolve against it.</summary>
    public string Directory { get; }

    /// <summary>The file the config was loaded from, for error messages.</summary>
    public string Source => Spec.Source;

    /// <summary>Loads and validates a robot config file (robot.yaml and the kinematics.yaml beside it).</summary>
    /// <exception cref="InvalidConfigException">Names the file and the offending field.</exception>
    public static RobotConfig Load(string path)
    {
        var full = Path.GetFullPath(path);
        var sim = YamlConfigReader.ReadFile<SimSections>(full);
        var directory = Path.GetDirectoryName(full)!;
        sim.Validate(full, directory);
        return new RobotConfig(RobotSpecFile.Load(full), sim, directory);
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

    /// <summary>Absolute path of the robot's own MJCF.</summary>
    public string ModelPath => Path.Combine(Directory, Model);

    /// <summary>The camera of that name, or an error listing the robot's cameras.</summary>
    public CameraSpec Camera(string name) => Spec.Camera(name);

    /// <summary>
    /// robot.yaml as the simulator reads it: its own sections strictly, the deployable ones (read by
    /// <see cref="RobotSpecFile"/> just as strictly) accepted unread. Public for YamlDotNet.
    /// </summary>
    public sealed class SimSections
    {
        public string? Model { get; set; }

        public Dictionary<string, string>? Scenes { get; set; }

        public TerrainConfig? Terrain { get; set; }

        public RandomizationConfig? Randomization { get; set; }

        public object? Name { get; set; }

        public object? Control { get; set; }

        public object? EndEffectorSite { get; set; }

        public object? Joints { get; set; }

        public object? Cameras { get; set; }

        internal void Validate(string source, string directory)
        {
            if (string.IsNullOrWhiteSpace(Model) || !File.Exists(Path.Combine(directory, Model)))
            {
                throw new InvalidConfigException(source, "model", $"robot file '{Model}' not found next to the config");
            }

            if (Scenes is null || Scenes.Count == 0)
            {
                throw new InvalidConfigException(source, "scenes", "at least one scene is needed");
            }

            foreach (var (scene, file) in Scenes)
            {
                if (string.IsNullOrWhiteSpace(file) || !File.Exists(Path.Combine(directory, file)))
                {
                    throw new InvalidConfigException(source, $"scenes.{scene}", $"scene file '{file}' not found next to the config");
                }
            }

            Terrain?.Validate(source);
            if (Randomization is null)
            {
                throw new InvalidConfigException(source, "randomization", "the section is empty; remove it or give its fields");
            }

            Randomization.Validate(source, "randomization.");
        }
    }
}
