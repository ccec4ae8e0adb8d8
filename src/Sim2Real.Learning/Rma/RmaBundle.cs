using System.Globalization;
using Sim2Real.Core;
using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Policies;

namespace Sim2Real.Learning.Rma;

/// <summary>
/// The RMA policy file: π ("actor.*"), μ ("mu.*"), φ ("phi.*") and the mean z ("rma.mean_z"), with the manifest
/// (agent kind "rma"; settings z_dim, env_factor_dim, history_length, phi_rate_hz, step_dim) and the e_t it was
/// trained on ("rma.env_factors": names and training ranges, for the evaluation's expert). From one file all four
/// policies of RMA's evaluation run but the DR-only baseline, which is a plain DrQ-v2 file.
/// </summary>
public static class RmaBundle
{
    public const string Kind = "rma";
    public const string MeanZTensor = "rma.mean_z";
    public const string EnvFactorsKey = "rma.env_factors";
    public const string EncoderHiddenKey = "rma.encoder_hidden";
    public const string StepFeaturesKey = "rma.step_features";

    /// <summary>The networks a bundle lists in its manifest (what <c>policy info</c> prints).</summary>
    public static IReadOnlyList<PolicyNetwork> Networks { get; } =
    [
        new("actor", "actor.", "base policy π (mean action) on [state, z]"),
        new("mu", "mu.", "environment-factor encoder μ: e_t to z (the expert)"),
        new("phi", "phi.", "adaptation module φ: state history to ẑ"),
        new("mean_z", MeanZTensor, "mean of μ(e) over the training ranges (RMA without adaptation)"),
    ];

    /// <summary>The manifest's agent block for an RMA policy over states of <paramref name="stateDim"/> values.</summary>
    public static PolicyAgent Agent(long stateDim, DrQV2Config agent, RmaConfig rma) => new()
    {
        Kind = Kind,
        ObsShape = [stateDim],
        FeatureDim = agent.FeatureDim,
        HiddenDim = agent.HiddenDim,
        Networks = Networks,
        Settings = new Dictionary<string, double>
        {
            ["z_dim"] = rma.ExtrinsicsDim,
            ["env_factor_dim"] = rma.EnvFactorDim,
            ["history_length"] = rma.HistoryLength,
            ["phi_rate_hz"] = rma.AdaptationRateHz,
            ["step_dim"] = stateDim,
        },
    };

    /// <summary>Writes the bundle atomically. <paramref name="envFactors"/> is the e_t description (JSON) the evaluation reads back.</summary>
    public static void Save(string path, PolicyManifest manifest, Actor actor, EnvFactorEncoder mu, AdaptationModule phi, IReadOnlyList<float> meanZ, string envFactors)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(meanZ);
        var tensors = actor.NamedParameters("actor.").Concat(RmaWeights.NamedParameters(mu, phi))
            .Select(p => p.Parameter.ToSafeTensor(p.Name))
            .Append(SafeTensor.Create<float>(MeanZTensor, [meanZ.Count], [.. meanZ]));
        var metadata = new Dictionary<string, string>(Policies.PolicyFile.Metadata(manifest))
        {
            [EnvFactorsKey] = envFactors,
            [RmaWeights.TemporalConvsKey] = phi.ConvStack.ToString(),
            [EncoderHiddenKey] = string.Join(",", mu.Layers.OfType<Modules.Linear>().SkipLast(1).Select(l => l.OutFeatures)),
            [StepFeaturesKey] = phi.StepMlp.Modules().OfType<Modules.Linear>().First().OutFeatures.ToString(CultureInfo.InvariantCulture),
        };
        SafetensorsWriter.Write(path, tensors, metadata);
    }

    /// <summary>The sizes a bundle's manifest and metadata give.</summary>
    /// <exception cref="InvalidConfigException">A setting is missing or does not fit (a history too short for the convolutions names rma.history_length).</exception>
    public static RmaConfig Config(SafetensorsFile file, PolicyManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(manifest);
        int Setting(string key) => manifest.Agent.Settings.TryGetValue(key, out var v)
            ? (int)v
            : throw new InvalidConfigException(file.Source, $"agent.settings.{key}", "missing from an RMA policy's manifest");
        string Meta(string key) => file.Metadata.TryGetValue(key, out var v)
            ? v
            : throw new InvalidConfigException(file.Source, key, "missing from an RMA policy file's metadata");

        var convs = Meta(RmaWeights.TemporalConvsKey).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c =>
        {
            var parts = c.Split('/');
            return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var k) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var s)
                ? new TemporalConv(k, s)
                : throw new InvalidConfigException(file.Source, RmaWeights.TemporalConvsKey, $"'{c}' is not kernel/stride");
        }).ToList();
        var hidden = Meta(EncoderHiddenKey).Split(',').Select(h => int.TryParse(h, CultureInfo.InvariantCulture, out var w)
            ? w
            : throw new InvalidConfigException(file.Source, EncoderHiddenKey, $"'{h}' is not a width")).ToList();
        return new RmaConfig
        {
            EnvFactorDim = Setting("env_factor_dim"),
            ExtrinsicsDim = Setting("z_dim"),
            HistoryLength = Setting("history_length"),
            AdaptationRateHz = manifest.Agent.Settings.TryGetValue("phi_rate_hz", out var rate) ? rate : throw new InvalidConfigException(file.Source, "agent.settings.phi_rate_hz", "missing from an RMA policy's manifest"),
            EncoderHidden = hidden,
            StepFeatures = int.Parse(Meta(StepFeaturesKey), CultureInfo.InvariantCulture),
            TemporalConvs = convs,
        }.Validate(file.Source);
    }

    /// <summary>Builds π, μ and φ from the file and returns them as one policy (in <see cref="RmaMode.Adaptive"/>).</summary>
    /// <exception cref="InvalidConfigException">Settings missing or not fitting the convolutions, or step_dim other than the observation.</exception>
    /// <exception cref="CheckpointMismatchException">Tensors missing, extra or misshaped for the manifest's sizes.</exception>
    public static RmaPolicy Load(SafetensorsFile file, PolicyManifest manifest, Device device)
    {
        var config = Config(file, manifest);
        var obs = manifest.Agent.ObsShape;
        if (obs.Count != 1)
        {
            throw new InvalidConfigException(file.Source, "agent.obs_shape", $"an RMA policy acts on states [D]; the manifest says [{string.Join(", ", obs)}]");
        }

        var stateDim = obs[0];
        if (manifest.Agent.Settings.TryGetValue("step_dim", out var step) && (long)step != stateDim)
        {
            throw new InvalidConfigException(file.Source, "agent.settings.step_dim", $"φ's step has {step} values but the policy's state has {stateDim}: φ reads the state the robot's observation layout gives");
        }

        var actor = new Actor(stateDim + config.ExtrinsicsDim, manifest.ActionSize, manifest.Agent.FeatureDim, manifest.Agent.HiddenDim);
        var mu = new EnvFactorEncoder(config);
        var phi = new AdaptationModule(stateDim, config);
        try
        {
            var parameters = actor.NamedParameters("actor.").Concat(RmaWeights.NamedParameters(mu, phi)).ToList();
            file.Verify(parameters.Select(p => new TensorSpec(p.Name, SafetensorsDtype.F32, p.Parameter.Shape))
                .Append(new TensorSpec(MeanZTensor, SafetensorsDtype.F32, [config.ExtrinsicsDim])));
            using (var scope = TensorScope.Begin())
            {
                foreach (var (name, parameter) in parameters)
                {
                    parameter.Copy_(file[name].ToTensor());
                }
            }

            var meanZ = file[MeanZTensor].AsSpan<float>().ToArray();
            foreach (var m in new Modules.Module[] { actor, mu, phi })
            {
                m.To(device);
                m.Eval();
            }

            var period = manifest.Timing.ControlPeriodS * manifest.Timing.ActionRepeat;
            return new RmaPolicy(actor, mu, phi, meanZ, new AdaptationSchedule(period, config.AdaptationRateHz), device, owns: true, file.Source);
        }
        catch
        {
            actor.Dispose();
            mu.Dispose();
            phi.Dispose();
            throw;
        }
    }
}
