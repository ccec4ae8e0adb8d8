using Sim2Real.Core;

namespace Sim2Real.Learning.Rma;

/// <summary>
/// Sizes of RMA's networks (Kumar et al., RSS 2021), defaults as the paper gives them: μ is an MLP 256-128 to an
/// 8-dim extrinsics vector z; φ embeds each (state, action) step into 32 features and convolves 50 of them over time
/// with kernel/stride 8/4, 5/1, 5/1. The robot decides how many environment factors e_t there are.
/// </summary>
public sealed record RmaConfig
{
    /// <summary>Values in e_t, the privileged environment factors the simulator knows (rma.env_factor_dim).</summary>
    public int EnvFactorDim { get; init; }

    /// <summary>Size of z and ẑ (rma.extrinsics_dim).</summary>
    public int ExtrinsicsDim { get; init; } = 8;

    /// <summary>Hidden widths of μ (rma.encoder_hidden).</summary>
    public IReadOnlyList<int> EncoderHidden { get; init; } = [256, 128];

    /// <summary>Policy steps of (state, action) that φ reads, k (rma.history_length).</summary>
    public int HistoryLength { get; init; } = 50;

    /// <summary>Features per step out of φ's per-step MLP, also the channels of its convolutions (rma.step_features).</summary>
    public int StepFeatures { get; init; } = 32;

    /// <summary>φ's convolutions over time (rma.temporal_convs).</summary>
    public IReadOnlyList<TemporalConv> TemporalConvs { get; init; } = [new(8, 4), new(5, 1), new(5, 1)];

    /// <summary>How often φ runs at deployment; π runs at the control rate with the latest ẑ (rma.adaptation_rate_hz).</summary>
    public double AdaptationRateHz { get; init; } = 10;

    public TemporalConvStack ConvStack => new(TemporalConvs);

    /// <exception cref="InvalidConfigException">A value is out of range or the history does not fit the convolutions; the message names the field.</exception>
    public RmaConfig Validate(string source = "rma config")
    {
        Positive(source, "rma.env_factor_dim", EnvFactorDim);
        Positive(source, "rma.extrinsics_dim", ExtrinsicsDim);
        if (EncoderHidden.Count == 0)
        {
            throw new InvalidConfigException(source, "rma.encoder_hidden", "needs at least one hidden layer");
        }

        for (var i = 0; i < EncoderHidden.Count; i++)
        {
            Positive(source, $"rma.encoder_hidden[{i}]", EncoderHidden[i]);
        }

        Positive(source, "rma.step_features", StepFeatures);
        if (TemporalConvs.Count == 0)
        {
            throw new InvalidConfigException(source, "rma.temporal_convs", "needs at least one convolution");
        }

        for (var i = 0; i < TemporalConvs.Count; i++)
        {
            Positive(source, $"rma.temporal_convs[{i}].kernel", TemporalConvs[i].Kernel);
            Positive(source, $"rma.temporal_convs[{i}].stride", TemporalConvs[i].Stride);
        }

        var stack = ConvStack;
        if (stack.OutputLength(HistoryLength) < 1)
        {
            throw new InvalidConfigException(source, "rma.history_length",
                $"{HistoryLength} steps do not fit the temporal convolutions (kernel/stride {stack}): they need at least {stack.MinimumLength}");
        }

        if (!(AdaptationRateHz > 0) || double.IsInfinity(AdaptationRateHz))
        {
            throw new InvalidConfigException(source, "rma.adaptation_rate_hz", $"must be a finite rate > 0, got {AdaptationRateHz}");
        }

        return this;
    }

    private static void Positive(string source, string field, int value)
    {
        if (value <= 0)
        {
            throw new InvalidConfigException(source, field, $"must be > 0, got {value}");
        }
    }
}
