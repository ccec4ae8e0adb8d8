namespace Sim2Real.Robotics.Policies;

/// <summary>The graph's tensor names (Isaac Lab's exporter writes "obs" and "actions").</summary>
public sealed class PolicySidecarOnnx
{
    public string? Input { get; set; }

    public string? Output { get; set; }
}
