using Sim2Real.Core;
using Sim2Real.Robotics.Configuration;
using Sim2Real.Robotics.Geometry;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;
using YamlDotNet.Serialization.NamingConventions;

namespace Sim2Real.Robotics.Kinematics;

/// <summary>
/// kinematics.yaml: the chain as text, one link per entry, parents named. Numbers are written shortest-round-trip,
/// so reading a written file gives back the same doubles, and a test can require the committed file to equal a
/// fresh export from the MJCF.
/// </summary>
public static class KinematicChainFile
{
    private const string World = "world";

    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithEventEmitter(next => new FlowNumberLists(next))
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    public static string ToYaml(KinematicChain chain, string generatedBy)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var document = new Document
        {
            Robot = chain.Robot,
            Model = chain.Model,
            TimestepS = chain.TimestepS,
            Links = chain.Links.Select(l => new LinkEntry
            {
                Name = l.Name,
                Parent = l.Parent < 0 ? World : chain.Links[l.Parent].Name,
                Pos = Array(l.Offset.Position),
                Quat = Array(l.Offset.Orientation),
                Joints = l.Joints.Select(j => new JointEntry
                {
                    Name = j.Name,
                    Type = j.Kind.ToString().ToLowerInvariant(),
                    Axis = Array(j.Axis),
                    Anchor = Array(j.Anchor),
                    Rest = j.RestPosition,
                }).ToList(),
            }).ToList(),
            Frames = chain.Frames.Select(f => new FrameEntry
            {
                Name = f.Name,
                Type = f.Kind.ToString().ToLowerInvariant(),
                Link = f.Link < 0 ? World : chain.Links[f.Link].Name,
                Pos = Array(f.Offset.Position),
                Quat = Array(f.Offset.Orientation),
                FovyDeg = f.Kind == FrameKind.Camera ? f.FovyDeg : null,
            }).ToList(),
        };
        return $"# {generatedBy}\n# Generated from the compiled MJCF; do not edit by hand. Quaternions are (w, x, y, z), lengths in metres.\n"
            + Serializer.Serialize(document);
    }

    /// <exception cref="InvalidConfigException">Names the file and the field.</exception>
    public static KinematicChain Load(string path)
    {
        var document = YamlConfigReader.ReadFile<Document>(path);
        return FromDocument(document, path);
    }

    private static KinematicChain FromDocument(Document d, string source)
    {
        if (d.Links is null || d.Links.Count == 0)
        {
            throw new InvalidConfigException(source, "links", "the chain needs at least one link");
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var links = new List<KinematicLink>();
        for (var i = 0; i < d.Links.Count; i++)
        {
            var l = d.Links[i];
            var field = $"links[{i}]";
            var parent = l.Parent == World ? -1
                : names.TryGetValue(l.Parent ?? "", out var p) ? p
                : throw new InvalidConfigException(source, $"{field}.parent", $"'{l.Parent}' is not an earlier link or 'world'");
            var joints = (l.Joints ?? []).Select((j, k) => new KinematicJoint(
                Required(j.Name, source, $"{field}.joints[{k}].name"),
                j.Type switch
                {
                    "hinge" => JointKind.Hinge,
                    "slide" => JointKind.Slide,
                    "free" => JointKind.Free,
                    var other => throw new InvalidConfigException(source, $"{field}.joints[{k}].type", $"expected hinge, slide or free, got '{other}'"),
                },
                Vector(j.Axis, source, $"{field}.joints[{k}].axis"),
                Vector(j.Anchor, source, $"{field}.joints[{k}].anchor"),
                j.Rest)).ToList();
            var name = Required(l.Name, source, $"{field}.name");
            if (!names.TryAdd(name, i))
            {
                throw new InvalidConfigException(source, $"{field}.name", $"link '{name}' is listed twice");
            }

            links.Add(new KinematicLink(name, parent, new Pose(Vector(l.Pos, source, $"{field}.pos"), Rotation(l.Quat, source, $"{field}.quat")), joints));
        }

        var frames = (d.Frames ?? []).Select((f, i) =>
        {
            var field = $"frames[{i}]";
            var link = f.Link == World ? -1
                : names.TryGetValue(f.Link ?? "", out var k) ? k
                : throw new InvalidConfigException(source, $"{field}.link", $"'{f.Link}' is not a link or 'world'");
            var kind = f.Type switch
            {
                "site" => FrameKind.Site,
                "camera" => FrameKind.Camera,
                var other => throw new InvalidConfigException(source, $"{field}.type", $"expected site or camera, got '{other}'"),
            };
            return new KinematicFrame(Required(f.Name, source, $"{field}.name"), kind, link,
                new Pose(Vector(f.Pos, source, $"{field}.pos"), Rotation(f.Quat, source, $"{field}.quat")), f.FovyDeg ?? 0);
        }).ToList();

        var chain = new KinematicChain
        {
            Robot = Required(d.Robot, source, "robot"),
            Model = Required(d.Model, source, "model"),
            TimestepS = d.TimestepS,
            Links = links,
            Frames = frames,
        };
        chain.Validate(source);
        return chain;
    }

    private static string Required(string? value, string source, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidConfigException(source, field, "missing") : value;

    private static Vec3 Vector(List<double>? v, string source, string field) =>
        v is { Count: 3 } && v.All(double.IsFinite) ? new Vec3(v[0], v[1], v[2])
        : throw new InvalidConfigException(source, field, "expected three finite numbers [x, y, z]");

    private static Quat Rotation(List<double>? q, string source, string field) =>
        q is { Count: 4 } && q.All(double.IsFinite) ? new Quat(q[0], q[1], q[2], q[3])
        : throw new InvalidConfigException(source, field, "expected four finite numbers [w, x, y, z]");

    private static List<double> Array(Vec3 v) => [v.X, v.Y, v.Z];

    private static List<double> Array(Quat q) => [q.W, q.X, q.Y, q.Z];

    // YAML DTOs: public for YamlDotNet, nested so they do not leak into the contract's surface.
    public sealed class Document
    {
        public string? Robot { get; set; }

        public string? Model { get; set; }

        public double TimestepS { get; set; }

        public List<LinkEntry>? Links { get; set; }

        public List<FrameEntry>? Frames { get; set; }
    }

    public sealed class LinkEntry
    {
        public string? Name { get; set; }

        public string? Parent { get; set; }

        public List<double>? Pos { get; set; }

        public List<double>? Quat { get; set; }

        public List<JointEntry>? Joints { get; set; }
    }

    public sealed class JointEntry
    {
        public string? Name { get; set; }

        public string? Type { get; set; }

        public List<double>? Axis { get; set; }

        public List<double>? Anchor { get; set; }

        public double Rest { get; set; }
    }

    public sealed class FrameEntry
    {
        public string? Name { get; set; }

        public string? Type { get; set; }

        public string? Link { get; set; }

        public List<double>? Pos { get; set; }

        public List<double>? Quat { get; set; }

        public double? FovyDeg { get; set; }
    }

    /// <summary>Writes lists of numbers as [a, b, c] on one line, so the file reads like MJCF attributes.</summary>
    private sealed class FlowNumberLists(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(SequenceStartEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Type == typeof(List<double>))
            {
                eventInfo = new SequenceStartEventInfo(eventInfo.Source) { Style = SequenceStyle.Flow };
            }

            base.Emit(eventInfo, emitter);
        }
    }
}
