namespace Sim2Real.Runtime.Launch;

/// <summary>The runtime's ROS node: <c>node: { name: sim2real_runtime, namespace: / }</c>.</summary>
public sealed record NodeSection
{
    public string Name { get; init; } = "sim2real_runtime";

    public string Namespace { get; init; } = "/";
}
