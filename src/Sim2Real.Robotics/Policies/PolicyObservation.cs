using Sim2Real.Core;
using Sim2Real.Robotics.Observations;

namespace Sim2Real.Robotics.Policies;

/// <summary>The observation a policy acts on: its state layout, its camera and preprocessing, its privileged inputs.</summary>
public sealed record PolicyObservation
{
    public required IReadOnlyList<PolicyField> Fields { get; init; }

    public required int StateSize { get; init; }

    /// <summary>The camera and frame pipeline for a pixel policy; null for a state policy.</summary>
    public PolicyCamera? Camera { get; init; }

    /// <summary>Names of the privileged environment factors (e_t) a teacher network reads; empty when none.</summary>
    public IReadOnlyList<string> Privileged { get; init; } = [];

    public static PolicyObservation From(ObservationLayout layout, PolicyCamera? camera, IReadOnlyList<string>? privileged = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new PolicyObservation
        {
            Fields = layout.Fields.Select(PolicyField.From).ToList(),
            StateSize = layout.Size,
            Camera = camera,
            Privileged = privileged ?? [],
        };
    }

    /// <summary>The layout back, resolved for a robot of <paramref name="joints"/> joints.</summary>
    /// <exception cref="InvalidConfigException">A field names an unknown source or does not fit.</exception>
    public ObservationLayout Layout(int joints, string source)
    {
        var layout = ObservationLayout.Create(Fields.Select((f, i) => f.ToField(source, i)), joints, source);
        if (layout.Size != StateSize)
        {
            throw new InvalidConfigException(source, "observation.state_size", $"the fields give {layout.Size} values, the manifest says {StateSize}");
        }

        return layout;
    }
}
