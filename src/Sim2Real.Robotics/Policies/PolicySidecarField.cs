namespace Sim2Real.Robotics.Policies;

/// <summary>One observation field of a sidecar: value = clip((raw - offset) * scale), in the trainer's units.</summary>
public sealed class PolicySidecarField
{
    public string? Name { get; set; }

    /// <summary>An <see cref="Observations.ObservationSource"/> by its snake_case name.</summary>
    public string? Source { get; set; }

    /// <summary>Only task state needs it; every other source knows its width.</summary>
    public int? Size { get; set; }

    /// <summary>A number for every element, or a list with one per element (legged_gym's obs_scales).</summary>
    public object? Scale { get; set; }

    /// <summary>"home" (joint positions minus the default joint positions) or a list with one value per element.</summary>
    public object? Offset { get; set; }

    /// <summary>Overrides clip_observations for this field.</summary>
    public double? Clip { get; set; }
}
