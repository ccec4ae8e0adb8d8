using System.Text.Json;
using Sim2Real.Core;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Rma;

namespace Sim2Real.Training.Rma;

/// <summary>
/// What phase 2 needs from an RMA phase-1 run, stored in its training checkpoint's metadata ("rma.phase1"): the
/// environment, the state and e_t it was trained on, and the sizes to rebuild π and μ.
/// </summary>
public sealed record RmaPhaseOne
{
    public const string MetadataKey = "rma.phase1";

    public required string Robot { get; init; }

    public required string Task { get; init; }

    public required string World { get; init; }

    public required int ActionRepeat { get; init; }

    public required int Seed { get; init; }

    /// <summary>Values of the state vector (the observation layout), before e_t.</summary>
    public required int StateDim { get; init; }

    public required int FeatureDim { get; init; }

    public required int HiddenDim { get; init; }

    public required IReadOnlyList<EnvFactor> EnvFactors { get; init; }

    public required int ExtrinsicsDim { get; init; }

    public required IReadOnlyList<int> EncoderHidden { get; init; }

    public required int HistoryLength { get; init; }

    public required int StepFeatures { get; init; }

    public required IReadOnlyList<int[]> TemporalConvs { get; init; }

    public required double AdaptationRateHz { get; init; }

    public static RmaPhaseOne From(TrainOptions options, int stateDim, EnvFactorSet factors, RmaConfig rma)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(rma);
        return new()
        {
            Robot = options.Robot,
            Task = options.Task,
            World = options.WorldName,
            ActionRepeat = options.ActionRepeat,
            Seed = options.Seed,
            StateDim = stateDim,
            FeatureDim = options.Agent.FeatureDim,
            HiddenDim = options.Agent.HiddenDim,
            EnvFactors = factors.Factors,
            ExtrinsicsDim = rma.ExtrinsicsDim,
            EncoderHidden = rma.EncoderHidden,
            HistoryLength = rma.HistoryLength,
            StepFeatures = rma.StepFeatures,
            TemporalConvs = [.. rma.TemporalConvs.Select(c => new[] { c.Kernel, c.Stride })],
            AdaptationRateHz = rma.AdaptationRateHz,
        };
    }

    public EnvFactorSet FactorSet => new(EnvFactors);

    public RmaConfig Config => new()
    {
        EnvFactorDim = EnvFactors.Count,
        ExtrinsicsDim = ExtrinsicsDim,
        EncoderHidden = EncoderHidden,
        HistoryLength = HistoryLength,
        StepFeatures = StepFeatures,
        TemporalConvs = [.. TemporalConvs.Select(c => new TemporalConv(c[0], c[1]))],
        AdaptationRateHz = AdaptationRateHz,
    };

    /// <summary>Only the sizes matter to π once trained; the rest of DrQ-v2's settings are phase 1's business.</summary>
    public DrQV2Config AgentConfig => new() { FeatureDim = FeatureDim, HiddenDim = HiddenDim };

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <exception cref="InvalidConfigException">The metadata is not a phase-1 description.</exception>
    public static RmaPhaseOne FromJson(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<RmaPhaseOne>(json) ?? throw new InvalidConfigException(source, MetadataKey, "is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidConfigException(source, MetadataKey, $"not an RMA phase-1 description: {e.Message}");
        }
    }
}
