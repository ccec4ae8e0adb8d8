using Sim2Real.Core;
using Sim2Real.Native;
using Sim2Real.Ros.Graph;
using Sim2Real.Ros.Transport;

namespace Sim2Real.Cli.Commands.Topic;

/// <summary>What every topic verb shares: a node from the ROS 2 environment, and type resolution naming its flag.</summary>
internal static class TopicSession
{
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
