using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Sim2Real.Core;

namespace Sim2Real.Ros.Messages;

/// <summary>
/// The ROS 2 .msg definitions of the project's message types, as installed in a ROS 2 share directory
/// (embedded from Messages/Definitions/&lt;package&gt;/msg/&lt;Type&gt;.msg), and the concatenated form rosbag2
/// stores as a <c>ros2msg</c> schema in MCAP files.
/// </summary>
public static partial class MessageDefinitions
{
    private const string ResourcePrefix = "ros2msg/";
    private const string Delimiter = "================================================================================\n";

    private static readonly HashSet<string> PrimitiveTypes =
    [
        "bool", "byte", "char", "float32", "float64", "int8", "uint8",
        "int16", "uint16", "int32", "uint32", "int64", "uint64", "string",
    ];

    private static readonly Lazy<IReadOnlyDictionary<RosTypeName, string>> Texts = new(Load);
    private static readonly ConcurrentDictionary<RosTypeName, string> Schemas = new();

    /// <summary>Every type with an embedded definition.</summary>
    public static IReadOnlyCollection<RosTypeName> All => (IReadOnlyCollection<RosTypeName>)Texts.Value.Keys;

    /// <summary>The .msg text of <paramref name="name"/>, or null when this build has none.</summary>
    public static string? Find(RosTypeName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Texts.Value.GetValueOrDefault(name);
    }

    /// <summary>The .msg text of <paramref name="name"/>, verbatim as the ROS 2 interface package ships it.</summary>
    /// <exception cref="InvalidConfigException">No definition is embedded for the type.</exception>
    public static string Text(RosTypeName name) => Find(name)
        ?? throw new InvalidConfigException("message definition", name.Ros,
            $"no .msg definition in this build (Messages/Definitions/{name.Package}/msg/{name.Name}.msg)");

    /// <summary>
    /// The <c>ros2msg</c> schema rosbag2_storage_mcap writes: the type's .msg text, then each dependency not yet
    /// written (in sorted order, depth first) after a line of 80 <c>=</c> and a <c>MSG: pkg/Type</c> line.
    /// </summary>
    public static string Ros2MsgSchema(RosTypeName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Schemas.GetOrAdd(name, root =>
        {
            var result = new StringBuilder();
            var seen = new HashSet<string>(StringComparer.Ordinal) { $"{root.Package}/{root.Name}" };
            Append(root, result, seen, depth: 50);
            return result.ToString();
        });
    }

    /// <summary>
    /// The message types <paramref name="text"/> refers to, as rosbag2 finds them: the first word of each line that
    /// is not a primitive type, qualified with <paramref name="package"/> when written without one; sorted.
    /// </summary>
    public static IReadOnlyList<string> Dependencies(string text, string package)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in FieldType().Matches(text))
        {
            var type = match.Groups[1].Value;
            if (PrimitiveTypes.Contains(type))
            {
                continue;
            }

            dependencies.Add(type.Contains('/', StringComparison.Ordinal) ? type : $"{package}/{type}");
        }

        return [.. dependencies];
    }

    private static void Append(RosTypeName type, StringBuilder result, HashSet<string> seen, int depth)
    {
        if (depth <= 0)
        {
            throw new InvalidConfigException("message definition", type.Ros, "dependencies nest more than 50 deep (a cycle?)");
        }

        var text = Text(type);
        result.Append(text);
        foreach (var dependency in Dependencies(text, type.Package))
        {
            if (seen.Add(dependency))
            {
                result.Append('\n').Append(Delimiter).Append("MSG: ").Append(dependency).Append('\n');
                Append(ParseDependency(dependency, type), result, seen, depth - 1);
            }
        }
    }

    private static RosTypeName ParseDependency(string dependency, RosTypeName parent)
    {
        var match = PackageResourceName().Match(dependency);
        if (!match.Success)
        {
            throw new InvalidConfigException("message definition", parent.Ros, $"field type '{dependency}' is not pkg/Type");
        }

        return new RosTypeName(match.Groups[1].Value, match.Groups[2].Value);
    }

    private static Dictionary<RosTypeName, string> Load()
    {
        var assembly = typeof(MessageDefinitions).Assembly;
        var texts = new Dictionary<RosTypeName, string>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var path = resource.Replace('\\', '/');
            if (!path.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !path.EndsWith(".msg", StringComparison.Ordinal))
            {
                continue;
            }

            // ros2msg/<package>/msg/<Type>.msg
            var parts = path[ResourcePrefix.Length..^".msg".Length].Split('/');
            if (parts.Length != 3 || parts[1] != "msg")
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            texts[new RosTypeName(parts[0], parts[2])] = reader.ReadToEnd();
        }

        return texts;
    }

    // rosbag2_storage_mcap's MSG_FIELD_TYPE_REGEX: the type at the start of a line ("foo_msgs/Bar" in "foo_msgs/Bar[] bar").
    [GeneratedRegex(@"(?:^|\n)\s*([a-zA-Z0-9_/]+)(?:\[[^\]]*\])?\s+")]
    private static partial Regex FieldType();

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9_]*)/(?:msg/)?([a-zA-Z][a-zA-Z0-9_]*)$")]
    private static partial Regex PackageResourceName();
}
