using Sim2Real.Core;
using Sim2Real.Mcap;
using Sim2Real.Mcap.Deployment;
using Sim2Real.Mcap.Reading;
using Sim2Real.Mcap.Ros2;
using Sim2Real.Ros.Messages;
using Sim2Real.Ros.Messages.NavMsgs;
using Sim2Real.Ros.Messages.SensorMsgs;
using Sim2Real.Ros.Messages.Sim2RealMsgs;
using Sim2Real.Ros.Messages.StdMsgs;

namespace Sim2Real.Replay.Logs;

/// <summary>
/// What a replay reads from one deployment log (an MCAP file as the runtime records it): the policy ticks, joint
/// states, published commands, odometry and watchdog events in log-time order, and the run's <c>deployment</c>
/// metadata. Every message is decoded with the schema stored in the file; a bad file names the file, the offset and
/// the record, and a missing topic names the file and the topic.
/// </summary>
public sealed class DeploymentLog
{
    private DeploymentLog(string file, ReplayTopics topics, IReadOnlyDictionary<string, string> metadata, IReadOnlyList<string> topicNames)
    {
        File = file;
        Topics = topics;
        Metadata = metadata;
        TopicNames = topicNames;
    }

    public string File { get; }

    public ReplayTopics Topics { get; }

    /// <summary>The <see cref="DeploymentLogMetadata.Name"/> metadata record's values (empty when the log has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Every topic in the log, for messages about a missing one.</summary>
    public IReadOnlyList<string> TopicNames { get; }

    public IReadOnlyList<Logged<PolicyTick>> Ticks { get; private init; } = [];

    public IReadOnlyList<Logged<JointState>> JointStates { get; private init; } = [];

    public IReadOnlyList<Logged<Float64MultiArray>> Commands { get; private init; } = [];

    public IReadOnlyList<Logged<Odometry>> Odometry { get; private init; } = [];

    public IReadOnlyList<Logged<WatchdogEvent>> WatchdogEvents { get; private init; } = [];

    public IReadOnlyList<Logged<Empty>> SimResets { get; private init; } = [];

    /// <summary>The run's label in reports: its world when it was simulated, else the file name.</summary>
    public string Label => Metadata.TryGetValue(DeploymentLogMetadata.World, out var world) && world.Length > 0
        ? $"{world} ({Path.GetFileName(File)})"
        : Path.GetFileName(File);

    /// <exception cref="McapFormatException">The file is not a readable MCAP log, or a message does not decode.</exception>
    /// <exception cref="InvalidConfigException">A replayed topic carries another type than the runtime records there.</exception>
    public static DeploymentLog Read(string path, ReplayTopics? topics = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        topics ??= new ReplayTopics();
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such log", path);
        }

        using var reader = McapReader.Open(path);
        var decoder = new Ros2MessageDecoder(reader);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var index in reader.MetadataIndexes.Where(m => m.Name == DeploymentLogMetadata.Name))
        {
            foreach (var (key, value) in reader.ReadMetadata(index).Values)
            {
                metadata[key] = value;
            }
        }

        var ticks = new List<Logged<PolicyTick>>();
        var joints = new List<Logged<JointState>>();
        var commands = new List<Logged<Float64MultiArray>>();
        var odometry = new List<Logged<Odometry>>();
        var events = new List<Logged<WatchdogEvent>>();
        var resets = new List<Logged<Empty>>();
        var wanted = new Dictionary<ushort, Action<McapMessageEntry>>();
        foreach (var channel in reader.Channels.Values)
        {
            Action<McapMessageEntry>? sink = channel.Topic switch
            {
                var t when t == topics.PolicyTick => Into(ticks),
                var t when t == topics.JointStates => Into(joints),
                var t when t == topics.Commands => Into(commands),
                var t when t == topics.Odometry => Into(odometry),
                var t when t == topics.WatchdogEvents => Into(events),
                var t when t == topics.SimReset => Into(resets),
                _ => null,
            };
            if (sink is not null)
            {
                wanted[channel.Id] = sink;
            }
        }

        foreach (var entry in reader.ReadMessages(wanted.Keys.ToHashSet()))
        {
            wanted[entry.Channel.Id](entry);
        }

        return new DeploymentLog(path, topics, metadata, [.. reader.Channels.Values.Select(c => c.Topic).Distinct().Order(StringComparer.Ordinal)])
        {
            Ticks = ticks,
            JointStates = joints,
            Commands = commands,
            Odometry = odometry,
            WatchdogEvents = events,
            SimResets = resets,
        };

        Action<McapMessageEntry> Into<T>(List<Logged<T>> list)
            where T : IRosMessage<T> => entry =>
        {
            var decoded = decoder.Decode(entry);
            if (decoded is not T message)
            {
                throw new InvalidConfigException(path, entry.Channel.Topic,
                    $"carries {decoder.TypeOf(entry.Channel.Id).Name}; a replay reads {T.TypeName} there (give the topic that carries it)");
            }

            list.Add(new Logged<T>(entry.Message.LogTime, list.Count, message));
        };
    }

    /// <summary>The messages of a topic the replay cannot do without.</summary>
    /// <exception cref="InvalidConfigException">The log has none, naming the file, the topic and what the log holds.</exception>
    public IReadOnlyList<Logged<T>> Require<T>(IReadOnlyList<Logged<T>> messages, string topic, string why)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            throw new InvalidConfigException(File, topic,
                $"no messages on this topic, and {why} (topics in the log: {(TopicNames.Count == 0 ? "none" : string.Join(", ", TopicNames))})");
        }

        return messages;
    }

    /// <summary>The robot the log was recorded on: <paramref name="given"/>, else the deployment metadata's.</summary>
    /// <exception cref="InvalidConfigException">Neither says.</exception>
    public string Robot(string? given = null) =>
        given ?? (Metadata.TryGetValue(DeploymentLogMetadata.Robot, out var robot) && robot.Length > 0
            ? robot
            : throw new InvalidConfigException(File, $"metadata '{DeploymentLogMetadata.Name}'.{DeploymentLogMetadata.Robot}",
                "the log does not say which robot it was recorded on; give it with --robot"));
}
