using Sim2Real.Core;
using Sim2Real.Native;
using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Cli.Commands.Topic;

/// <summary>What every topic verb shares: the error handling, and a node from the ROS 2 environment.</summary>
internal static class TopicSession
{
    /// <summary>
    /// Runs a verb: errors the user can act on (bad topic, type, YAML, QoS, flag, network config, missing engine) print
    /// as one line naming what is wrong and exit 1; Ctrl+C ends quietly with 130, as a shell expects.
    /// </summary>
    public static async Task<int> RunAsync(Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception e) when (e is InvalidConfigException or RosTransportException or NativeLibraryMissingException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>A node configured from ROS_DOMAIN_ID, ROS_AUTOMATIC_DISCOVERY_RANGE, ROS_STATIC_PEERS, CYCLONEDDS_URI.</summary>
    public static RosNode OpenNode(string name)
    {
        var environment = RosEnvironment.Read();
        foreach (var warning in environment.Warnings)
        {
            Console.Error.WriteLine($"WARNING: {warning}");
        }

        return new RosNode(RosOptions.FromEnvironment($"{name}_{Environment.ProcessId}", environment));
    }

    /// <summary>Topic resolution whose errors name the <c>--type</c> flag.</summary>
    public static TopicTypeResolver Resolver(RosNode node) => new(node) { TypeField = "--type" };
}
