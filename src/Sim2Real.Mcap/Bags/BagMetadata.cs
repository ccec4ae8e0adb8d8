using System.Globalization;
using System.Text;
using Sim2Real.Mcap.Ros2;

namespace Sim2Real.Mcap.Bags;

/// <summary>
/// A bag directory's metadata.yaml as rosbag2 (Humble, version 5) writes it: storage mcap, the bag's start and
/// duration, per topic its name, type, serialization format, offered QoS (a YAML string) and message count, and the
/// files with their own span and count. <c>ros2 bag info</c> and <c>ros2 bag play</c> read the directory through it.
/// </summary>
public static class BagMetadata
{
    public const string FileName = "metadata.yaml";
    public const int Version = 5;

    public static string Format(IReadOnlyList<BagTopic> topics, IReadOnlyList<BagFile> files)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(files);
        var withMessages = files.Where(f => f.MessageCount > 0).ToList();
        var start = withMessages.Count == 0 ? 0 : withMessages.Min(f => f.StartingTime);
        var end = withMessages.Count == 0 ? 0 : withMessages.Max(f => f.StartingTime + f.Duration);
        var s = new StringBuilder();
        s.Append("rosbag2_bagfile_information:\n");
        s.Append(Invariant($"  version: {Version}\n"));
        s.Append("  storage_identifier: mcap\n");
        s.Append(Invariant($"  duration:\n    nanoseconds: {end - start}\n"));
        s.Append(Invariant($"  starting_time:\n    nanoseconds_since_epoch: {start}\n"));
        s.Append(Invariant($"  message_count: {files.Aggregate(0UL, (sum, f) => sum + f.MessageCount)}\n"));
        s.Append(topics.Count == 0 ? "  topics_with_message_count: []\n" : "  topics_with_message_count:\n");
        foreach (var topic in topics)
        {
            s.Append("    - topic_metadata:\n");
            s.Append($"        name: {topic.Name}\n");
            s.Append($"        type: {topic.Type.Name.Ros}\n");
            s.Append($"        serialization_format: {Ros2Profile.MessageEncoding}\n");
            s.Append($"        offered_qos_profiles: {Quoted(OfferedQosProfiles.Format(topic.OfferedQos))}\n");
            s.Append(Invariant($"      message_count: {topic.MessageCount}\n"));
        }

        s.Append("  compression_format: \"\"\n");
        s.Append("  compression_mode: \"\"\n");
        s.Append(files.Count == 0 ? "  relative_file_paths: []\n" : "  relative_file_paths:\n");
        foreach (var file in files)
        {
            s.Append($"    - {file.Path}\n");
        }

        s.Append(files.Count == 0 ? "  files: []\n" : "  files:\n");
        foreach (var file in files)
        {
            s.Append($"    - path: {file.Path}\n");
            s.Append(Invariant($"      starting_time:\n        nanoseconds_since_epoch: {file.StartingTime}\n"));
            s.Append(Invariant($"      duration:\n        nanoseconds: {file.Duration}\n"));
            s.Append(Invariant($"      message_count: {file.MessageCount}\n"));
        }

        return s.ToString();
    }

    /// <summary>The .mcap files a bag directory's metadata.yaml lists, in order, as paths.</summary>
    /// <exception cref="Core.InvalidConfigException">No metadata.yaml, or it lists no files or files that are missing.</exception>
    public static IReadOnlyList<string> Files(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new Core.InvalidConfigException(directory, FileName, "not a bag directory: it has no metadata.yaml");
        }

        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new Core.InvalidConfigException(path, "rosbag2_bagfile_information", e.Message, e);
        }

        var files = stream.Documents.Count > 0
            && stream.Documents[0].RootNode is YamlDotNet.RepresentationModel.YamlMappingNode root
            && root.Children.TryGetValue("rosbag2_bagfile_information", out var info)
            && info is YamlDotNet.RepresentationModel.YamlMappingNode map
            && map.Children.TryGetValue("relative_file_paths", out var list)
            && list is YamlDotNet.RepresentationModel.YamlSequenceNode sequence
                ? sequence.Children.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(n => n.Value ?? "").ToList()
                : throw new Core.InvalidConfigException(path, "rosbag2_bagfile_information.relative_file_paths", "missing: the bag lists no files");
        var missing = files.FirstOrDefault(f => !File.Exists(Path.Combine(directory, f)));
        if (missing is not null)
        {
            throw new Core.InvalidConfigException(path, "relative_file_paths", $"lists {missing}, which is not in {directory}");
        }

        return [.. files.Select(f => Path.Combine(directory, f))];
    }

    // yaml-cpp writes the multi-line QoS string double-quoted with \n escapes.
    private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
