using Sim2Real.Learning.Checkpoints;
using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics.Policies;

namespace Sim2Real.Learning.Policies;

/// <summary>
/// The deployable policy file (policy.safetensors): the networks that act, under their reference tensor names,
/// and the <see cref="PolicyManifest"/> in the safetensors metadata. Sizes come from the manifest, never from tensor
/// shapes. A DrQ-v2 policy holds the encoder and the actor only (no critic): "encoder.*", "actor.*".
/// </summary>
public static class PolicyFile
{
    public const string FileName = "policy.safetensors";

    /// <summary>Writes a DrQ-v2 agent's acting networks with <paramref name="manifest"/>, atomically.</summary>
    public static void Save(string path, PolicyManifest manifest, DrQV2Agent agent)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(agent);
        var tensors = agent.Encoder.NamedParameters("encoder.").Concat(agent.Actor.NamedParameters("actor."))
            .Select(p => p.Parameter.ToSafeTensor(p.Name));
        SafetensorsWriter.Write(path, tensors, Metadata(manifest));
    }

    /// <summary>The safetensors metadata of a policy file: "format" for other readers and the manifest.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(PolicyManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new Dictionary<string, string>
        {
            ["format"] = "pt",
            [PolicyManifest.MetadataKey] = manifest.ToJson(),
        };
    }

    /// <summary>Reads only the manifest (no tensors copied, no libtorch needed), e.g. for <c>policy info</c>.</summary>
    /// <exception cref="PolicyFileException">Not a policy file (a weights-only agent checkpoint names how to make one).</exception>
    /// <exception cref="SafetensorsFormatException">The file is truncated or malformed.</exception>
    public static PolicyManifest ReadManifest(string path)
    {
        using var file = SafetensorsFile.Open(path);
        return ManifestOf(file);
    }

    /// <summary>Loads the policy the manifest describes, onto <paramref name="device"/>.</summary>
    /// <exception cref="PolicyFileException">Not a policy file, or an agent kind this build cannot run.</exception>
    /// <exception cref="CheckpointMismatchException">Tensors are missing, extra or misshaped for the manifest's sizes.</exception>
    public static LoadedPolicy Load(string path, Device? device = null)
    {
        using var file = SafetensorsFile.Open(path);
        var manifest = ManifestOf(file);
        var policy = manifest.Agent.Kind switch
        {
            "drqv2" => LoadDrQV2(file, manifest, device ?? Device.Cpu),
            var kind => throw new PolicyFileException($"{path}: agent kind '{kind}' is not one this build runs (drqv2)"),
        };
        return new LoadedPolicy(manifest, policy, path);
    }

    private static PolicyManifest ManifestOf(SafetensorsFile file)
    {
        if (!file.Metadata.TryGetValue(PolicyManifest.MetadataKey, out var json))
        {
            var weightsOnly = file.Metadata.TryGetValue("agent", out var agent) && agent == "drqv2";
            throw new PolicyFileException(weightsOnly
                ? $"{file.Source}: a weights-only agent checkpoint, not a policy file: it does not say which robot, joints, timing or observation it was trained for, so nothing may drive a robot with it. Training writes a policy file beside it ({FileName}); for an older checkpoint make one with `./sim2real policy bundle --checkpoint {file.Source} --robot <robot> --task <task> --out {FileName}`"
                : $"{file.Source}: not a policy file (no '{PolicyManifest.MetadataKey}' metadata)");
        }

        return PolicyManifest.FromJson(json, file.Source);
    }

    private static DrQV2Policy LoadDrQV2(SafetensorsFile file, PolicyManifest manifest, Device device)
    {
        var agent = manifest.Agent;
        var obs = agent.ObsShape.ToArray();
        ObservationEncoder encoder = obs.Length switch
        {
            3 => new PixelEncoder(obs[0], obs[1], obs[2]),
            1 => new IdentityEncoder(obs[0]),
            _ => throw new PolicyFileException($"{file.Source}: agent.obs_shape [{string.Join(", ", obs)}] is neither [C,H,W] nor [D]"),
        };
        var actor = new Actor(encoder.RepresentationDim, manifest.ActionSize, agent.FeatureDim, agent.HiddenDim);
        try
        {
            var parameters = encoder.NamedParameters("encoder.").Concat(actor.NamedParameters("actor.")).ToList();
            file.Verify(parameters.Select(p => new TensorSpec(p.Name, SafetensorsDtype.F32, p.Parameter.Shape)));
            using (var scope = TensorScope.Begin())
            {
                foreach (var (name, parameter) in parameters)
                {
                    parameter.Copy_(file[name].ToTensor());
                }
            }

            encoder.To(device);
            actor.To(device);
            encoder.Eval();
            actor.Eval();
            return new DrQV2Policy(encoder, actor, obs, device, owns: true, file.Source);
        }
        catch
        {
            encoder.Dispose();
            actor.Dispose();
            throw;
        }
    }
}
