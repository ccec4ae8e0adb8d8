using System.Security.Cryptography;
using Sim2Real.Core;
using Sim2Real.Robotics.Configuration;
using Sim2Real.Robotics.Kinematics;

namespace Sim2Real.Robotics.Spec;

/// <summary>
/// Reads the deployable part of robot.yaml (name, control, end effector, joints, cameras) and the kinematics.yaml
/// beside it. The sections Sim owns (model, scenes, terrain, randomization, worlds) are accepted here unread, and Sim
/// reads them with the same strictness, so together every field of the file is checked and a typo never passes.
/// </summary>
public static class RobotSpecFile
{
    public const string FileName = "robot.yaml";

    /// <summary>Loads the spec from a robot folder or its robot.yaml.</summary>
    /// <exception cref="InvalidConfigException">Names the file and the offending field.</exception>
    public static RobotSpec Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = System.IO.Directory.Exists(path) ? Path.Combine(path, FileName) : path;
        var full = Path.GetFullPath(file);
        var document = YamlConfigReader.ReadFile<Document>(full);
        var directory = Path.GetDirectoryName(full)!;
        return FromDocument(document, full, directory);
    }

    private static RobotSpec FromDocument(Document d, string source, string directory)
    {
        if (string.IsNullOrWhiteSpace(d.Name))
        {
            throw new InvalidConfigException(source, "name", "the robot needs a name");
        }

        var control = d.Control ?? throw Empty(source, "control");
        control.Validate(source);
        var joints = d.Joints ?? throw Empty(source, "joints");
        if (joints.Count == 0)
        {
            throw new InvalidConfigException(source, "joints", "at least one actuated joint is needed");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < joints.Count; i++)
        {
            var joint = joints[i] ?? throw Empty(source, $"joints[{i}]");
            joint.Validate(source, $"joints[{i}]");
            if (!names.Add(joint.Name))
            {
                throw new InvalidConfigException(source, $"joints[{i}].name", $"joint '{joint.Name}' is listed twice");
            }
        }

        var cameras = d.Cameras ?? [];
        for (var i = 0; i < cameras.Count; i++)
        {
            (cameras[i] ?? throw Empty(source, $"cameras[{i}]")).Validate(source, $"cameras[{i}]");
        }

        if (cameras.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != cameras.Count)
        {
            throw new InvalidConfigException(source, "cameras", "camera names must be unique");
        }

        var kinematicsPath = Path.Combine(directory, KinematicChain.FileName);
        if (!File.Exists(kinematicsPath))
        {
            throw new InvalidConfigException(kinematicsPath, "(file)",
                $"robot '{d.Name}' has no kinematics.yaml; export it from the MJCF with `./sim2real sim export-kinematics --robot {Path.GetFileName(directory)}`");
        }

        var kinematics = KinematicChainFile.Load(kinematicsPath);
        // Every actuated joint must be in the chain; the constructor says which one is not.
        _ = new ForwardKinematics(kinematics, joints.Select(j => j.Name).ToList());
        if (d.EndEffectorSite is { } site && kinematics.Frames.All(f => f.Name != site || f.Kind != FrameKind.Site))
        {
            throw new InvalidConfigException(source, "end_effector_site", $"kinematics.yaml has no site '{site}'; re-export it after changing the MJCF");
        }

        var steps = control.PeriodS / kinematics.TimestepS;
        if (Math.Abs(steps - Math.Round(steps)) > 1e-6 || Math.Round(steps) < 1)
        {
            throw new InvalidConfigException(source, "control.period_s", $"{control.PeriodS} s is not a whole number of the model's {kinematics.TimestepS} s physics steps");
        }

        var resolved = cameras.Select((c, i) =>
        {
            var frame = kinematics.Frames.FirstOrDefault(f => f.Name == c.Name && f.Kind == FrameKind.Camera)
                ?? throw new InvalidConfigException(source, $"cameras[{i}].name", $"kinematics.yaml has no camera '{c.Name}'; cameras there: {string.Join(", ", kinematics.Frames.Where(f => f.Kind == FrameKind.Camera).Select(f => f.Name))}");
            return c with { FovyDeg = frame.FovyDeg };
        }).ToList();

        var model = string.IsNullOrWhiteSpace(d.Model) ? null : Path.Combine(directory, d.Model);
        return new RobotSpec
        {
            Name = d.Name,
            Control = control,
            EndEffectorSite = d.EndEffectorSite,
            Joints = joints,
            Cameras = resolved,
            Kinematics = kinematics,
            ContentHash = Hash(source, model, kinematicsPath),
            Source = source,
        };
    }

    /// <summary>SHA-256 over the files' bytes, each prefixed with its name and length so files cannot trade bytes.</summary>
    private static string Hash(params string?[] files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            if (file is null || !File.Exists(file))
            {
                continue;
            }

            var bytes = File.ReadAllBytes(file);
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{Path.GetFileName(file)}\n{bytes.Length}\n"));
            sha.AppendData(bytes);
        }

        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static InvalidConfigException Empty(string source, string field) =>
        new(source, field, "the section is empty; remove it or give its fields");

    /// <summary>robot.yaml as this loader reads it. Public for YamlDotNet.</summary>
    public sealed class Document
    {
        public string? Name { get; set; }

        public ControlSpec? Control { get; set; }

        public string? EndEffectorSite { get; set; }

        public List<JointSpec>? Joints { get; set; }

        public List<CameraSpec>? Cameras { get; set; }

        /// <summary>The MJCF, relative to the folder: read here only for the content hash.</summary>
        public string? Model { get; set; }

        // Sections Sim reads (Sim2Real.Sim.Robots.RobotConfig); accepted unread here.
        public object? Scenes { get; set; }

        public object? Terrain { get; set; }

        public object? Randomization { get; set; }

        public object? Worlds { get; set; }
    }
}
