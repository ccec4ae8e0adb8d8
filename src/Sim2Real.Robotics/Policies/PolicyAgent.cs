namespace Sim2Real.Robotics.Policies;

/// <summary>
/// The networks in the file and their sizes. <see cref="Kind"/> picks the loader ("drqv2", "rma"); each network's
/// tensors are the ones named with its prefix (the reference's state_dict names). Sizes are read from here, never
/// guessed from tensor shapes.
/// </summary>
public sealed record PolicyAgent
{
    public required string Kind { get; init; }

    /// <summary>[C, H, W] for pixels, [D] for states: the encoder's input.</summary>
    public required IReadOnlyList<long> ObsShape { get; init; }

    public required int FeatureDim { get; init; }

    public required int HiddenDim { get; init; }

    public required IReadOnlyList<PolicyNetwork> Networks { get; init; }

    /// <summary>Kind-specific sizes and settings, e.g. RMA's z_dim, history_length, phi_rate_hz.</summary>
    public IReadOnlyDictionary<string, double> Settings { get; init; } = new Dictionary<string, double>();
}
