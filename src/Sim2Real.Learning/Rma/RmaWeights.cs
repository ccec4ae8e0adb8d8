using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Rma;

/// <summary>
/// μ and φ as safetensors under PyTorch's state_dict names with the prefixes "mu." and "phi." ("mu.0.weight",
/// "phi.step_mlp.0.weight", "phi.conv.0.weight", "phi.head.weight"), so the weights move both ways between this code
/// and PyTorch. The metadata records the sizes a reader needs to rebuild the modules.
/// </summary>
public static class RmaWeights
{
    public const string EnvFactorDimKey = "rma.env_factor_dim";
    public const string HistoryLengthKey = "rma.history_length";
    public const string TemporalConvsKey = "rma.temporal_convs";

    public static IEnumerable<(string Name, Tensor Parameter)> NamedParameters(EnvFactorEncoder mu, AdaptationModule phi) =>
        mu.NamedParameters("mu.").Concat(phi.NamedParameters("phi."));

    /// <summary>Writes both modules atomically.</summary>
    public static void Save(string path, EnvFactorEncoder mu, AdaptationModule phi)
    {
        var metadata = new Dictionary<string, string>
        {
            ["format"] = "pt",
            [EnvFactorDimKey] = mu.EnvFactorDim.ToString(CultureInfo.InvariantCulture),
            [HistoryLengthKey] = phi.HistoryLength.ToString(CultureInfo.InvariantCulture),
            [TemporalConvsKey] = phi.ConvStack.ToString(),
        };
        SafetensorsWriter.Write(path, NamedParameters(mu, phi).Select(p => p.Parameter.ToSafeTensor(p.Name)), metadata);
    }

    /// <summary>Copies the file's μ and φ into the given modules after checking every name and shape.</summary>
    /// <exception cref="InvalidConfigException">The file's μ takes another number of environment factors, or its φ another history length.</exception>
    /// <exception cref="CheckpointMismatchException">Any other missing, unexpected or wrongly shaped tensor, all listed.</exception>
    public static void LoadInto(SafetensorsFile file, EnvFactorEncoder mu, AdaptationModule phi)
    {
        // The two sizes that come from the robot and the config get their own message before the generic listing.
        if (file.TryGet("mu.0.weight", out var first) && first.Shape.Count == 2 && first.Shape[1] != mu.EnvFactorDim)
        {
            throw new InvalidConfigException(file.Source, EnvFactorDimKey,
                $"the file's μ takes {first.Shape[1]} environment factors (mu.0.weight {SafeTensor.FormatShape(first.Shape)}); e_t here has {mu.EnvFactorDim}");
        }

        if (file.Metadata.TryGetValue(TemporalConvsKey, out var convs) && convs != phi.ConvStack.ToString())
        {
            throw new InvalidConfigException(file.Source, TemporalConvsKey, $"the file's φ convolves with kernel/stride {convs}; this φ with {phi.ConvStack}");
        }

        if (file.Metadata.TryGetValue(HistoryLengthKey, out var written) && written != phi.HistoryLength.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidConfigException(file.Source, HistoryLengthKey, $"the file's φ reads {written} steps; this φ reads {phi.HistoryLength}");
        }

        var parameters = NamedParameters(mu, phi).ToList();
        file.Verify(parameters.Select(p => new TensorSpec(p.Name, SafetensorsDtype.F32, p.Parameter.Shape)));
        using var scope = TensorScope.Begin();
        foreach (var (name, p) in parameters)
        {
            p.Copy_(file[name].ToTensor(p.Device));
        }
    }
}
