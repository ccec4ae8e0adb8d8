using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>
/// DrQ-v2 agents as safetensors. Tensor names are the reference's state_dict names prefixed by the owning part
/// (encoder., actor., critic., critic_target.), so checkpoints move both ways between this code and the
/// reference PyTorch agent. Optimizer state is optional ("encoder_opt.0.exp_avg", "critic_opt.step", ...);
/// without it the optimizers start fresh, as the reference's do at construction.
/// </summary>
public static class AgentCheckpoint
{
    private static readonly string[] OptimizerParts = ["encoder_opt", "actor_opt", "critic_opt"];

    /// <summary>Writes the agent atomically; with <paramref name="includeOptimizers"/> the Adam moments and step counts too.</summary>
    public static void Save(DrQV2Agent agent, string path, bool includeOptimizers = false)
    {
        var metadata = new Dictionary<string, string>
        {
            ["format"] = "pt",
            ["agent"] = "drqv2",
            ["obs_shape"] = string.Join(",", agent.ObsShape),
            [PrecisionKey] = agent.Precision.Name(),
        };
        SafetensorsWriter.Write(path, Entries(agent, includeOptimizers), metadata);
    }

    /// <summary>
    /// Metadata key of the precision an agent was trained in. Informational in weight files (weights are fp32 and act in
    /// fp32 anywhere); a training checkpoint resumes only in its own precision (<see cref="RequireSamePrecision"/>).
    /// </summary>
    public const string PrecisionKey = "agent.precision";

    /// <summary>Refuses to continue a run in another precision than it was written in; files without the key are fp32 (written before bf16 existed).</summary>
    /// <exception cref="InvalidConfigException">The precisions differ, or the key holds an unknown name; names the file and key.</exception>
    public static void RequireSamePrecision(IReadOnlyDictionary<string, string> metadata, DrQV2Agent agent, string path)
    {
        var written = metadata.TryGetValue(PrecisionKey, out var text) ? Precisions.Parse(text, path, PrecisionKey) : Precision.Fp32;
        if (written != agent.Precision)
        {
            throw new InvalidConfigException(path, PrecisionKey,
                $"checkpoint was written in {written.Name()}, this run asks for {agent.Precision.Name()}: resume with --precision {written.Name()}");
        }
    }

    public static IEnumerable<SafeTensor> Entries(DrQV2Agent agent, bool includeOptimizers)
    {
        foreach (var (name, p) in agent.NamedParameters())
        {
            yield return p.ToSafeTensor(name);
        }

        if (!includeOptimizers)
        {
            yield break;
        }

        foreach (var (part, adam) in Optimizers(agent))
        {
            yield return SafeTensor.Create<long>($"{part}.step", [1], [adam.StepCount]);
            for (var i = 0; i < adam.Parameters.Count; i++)
            {
                var (m, v) = adam.Moments(i);
                using (m)
                using (v)
                {
                    yield return m.ToSafeTensor($"{part}.{i}.exp_avg");
                    yield return v.ToSafeTensor($"{part}.{i}.exp_avg_sq");
                }
            }
        }
    }

    /// <summary>
    /// Builds an agent whose network sizes are read from the checkpoint's shapes, then loads every tensor.
    /// </summary>
    /// <param name="obsShape">The observation shape ([C,H,W] or [D]); when null it comes from the metadata or is inferred (pixels assume an even side).</param>
    /// <exception cref="CheckpointMismatchException">Missing, unexpected or wrongly shaped tensors, all listed.</exception>
    /// <exception cref="InvalidDataException">The actor tensors the sizes are read from are absent.</exception>
    /// <exception cref="SafetensorsFormatException">The file is truncated or malformed.</exception>
    public static DrQV2Agent Load(string path, DrQV2Config? config = null, IReadOnlyList<long>? obsShape = null, Device? device = null)
    {
        using var file = SafetensorsFile.Open(path);
        var (inferredConfig, inferredObs, actionDim) = InferSizes(file, config ?? new DrQV2Config());
        if (obsShape is null && file.Metadata.TryGetValue("obs_shape", out var written))
        {
            obsShape = ParseShape(written);
        }

        var agent = new DrQV2Agent(inferredConfig, obsShape ?? inferredObs, actionDim, device);
        try
        {
            LoadInto(agent, file);
            return agent;
        }
        catch
        {
            agent.Dispose();
            throw;
        }
    }

    /// <summary>Copies every tensor of <paramref name="file"/> into <paramref name="agent"/> after checking names and shapes.</summary>
    public static void LoadInto(DrQV2Agent agent, SafetensorsFile file)
    {
        var hasOptimizers = file.Names.Any(n => OptimizerParts.Any(p => n.StartsWith(p + ".", StringComparison.Ordinal)));
        file.Verify(Expected(agent, hasOptimizers));
        using var scope = TensorScope.Begin();
        foreach (var (name, p) in agent.NamedParameters())
        {
            p.Copy_(file[name].ToTensor());
        }

        if (hasOptimizers)
        {
            foreach (var (part, adam) in Optimizers(agent))
            {
                adam.StepCount = file[$"{part}.step"].AsSpan<long>()[0];
                for (var i = 0; i < adam.Parameters.Count; i++)
                {
                    var (m, v) = adam.Moments(i);
                    m.Copy_(file[$"{part}.{i}.exp_avg"].ToTensor());
                    v.Copy_(file[$"{part}.{i}.exp_avg_sq"].ToTensor());
                }
            }
        }
    }

    /// <summary>What a checkpoint for <paramref name="agent"/> must hold.</summary>
    public static IEnumerable<TensorSpec> Expected(DrQV2Agent agent, bool withOptimizers)
    {
        foreach (var (name, p) in agent.NamedParameters())
        {
            yield return new TensorSpec(name, SafetensorsDtype.F32, p.Shape);
        }

        if (!withOptimizers)
        {
            yield break;
        }

        foreach (var (part, adam) in Optimizers(agent))
        {
            yield return new TensorSpec($"{part}.step", SafetensorsDtype.I64, [1]);
            for (var i = 0; i < adam.Parameters.Count; i++)
            {
                var shape = adam.Parameters[i].Shape;
                yield return new TensorSpec($"{part}.{i}.exp_avg", SafetensorsDtype.F32, shape);
                yield return new TensorSpec($"{part}.{i}.exp_avg_sq", SafetensorsDtype.F32, shape);
            }
        }
    }

    private static IEnumerable<(string Part, Adam Optimizer)> Optimizers(DrQV2Agent agent)
    {
        if (agent.EncoderOptimizer is { } encoder)
        {
            yield return ("encoder_opt", encoder);
        }

        yield return ("actor_opt", agent.ActorOptimizer);
        yield return ("critic_opt", agent.CriticOptimizer);
    }

    /// <summary>feature_dim, hidden_dim, observation and action sizes from the actor's and encoder's shapes.</summary>
    private static (DrQV2Config Config, long[] ObsShape, long ActionDim) InferSizes(SafetensorsFile file, DrQV2Config config)
    {
        const string trunk = "actor.trunk.0.weight", hidden = "actor.policy.0.weight", head = "actor.policy.4.weight", conv = "encoder.convnet.0.weight";
        var needed = new[] { trunk, hidden, head }.Where(n => !file.Contains(n) || file[n].Shape.Count != 2).ToList();
        if (needed.Count > 0)
        {
            var held = string.Join(", ", file.Tensors.Take(8)) + (file.Tensors.Count > 8 ? $", ... ({file.Tensors.Count} in all)" : "");
            throw new InvalidDataException(
                $"{file.Source}: not a DrQ-v2 agent checkpoint: the network sizes are read from {string.Join(", ", needed)} (2-D), which it lacks; it holds {held}");
        }

        var featureDim = file[trunk].Shape[0];
        var reprDim = file[trunk].Shape[1];
        var hiddenDim = file[hidden].Shape[0];
        var actionDim = file[head].Shape[0];
        long[] obsShape;
        if (file.TryGet(conv, out var convWeight))
        {
            // repr = 32 * s * s with s = (H - 3) / 2 + 1 - 6; the even H giving it is 2 * s + 14 (84 for s = 35).
            var side = (long)Math.Round(Math.Sqrt(reprDim / 32.0));
            if (32 * side * side != reprDim)
            {
                throw new CheckpointMismatchException(file.Source, [], [], [(new TensorSpec(trunk, SafetensorsDtype.F32, [featureDim, 32 * 35 * 35]), TensorSpec.Of(file[trunk]))]);
            }

            obsShape = [convWeight.Shape[1], (2 * side) + 14, (2 * side) + 14];
        }
        else
        {
            obsShape = [reprDim];
        }

        var sized = config with
        {
            FeatureDim = checked((int)featureDim),
            HiddenDim = checked((int)hiddenDim),
        };
        return (sized, obsShape, actionDim);
    }

    /// <summary>"9,84,84" -> [9, 84, 84], as written to the metadata.</summary>
    internal static long[] ParseShape(string text) =>
        text.Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
