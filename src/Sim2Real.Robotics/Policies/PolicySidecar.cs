namespace Sim2Real.Robotics.Policies;

/// <summary>
/// A policy exported by another trainer (an ONNX graph, a TorchScript module) with what its sidecar YAML says: the
/// manifest that <c>policy info</c> prints and <see cref="PolicyCompatibility"/> checks, and what the runtime needs
/// to call the model. Read by <see cref="PolicySidecarFile"/>.
/// </summary>
public sealed record PolicySidecar
{
    public const string OnnxKind = "onnx";
    public const string TorchScriptKind = "torchscript";

    public required PolicyManifest Manifest { get; init; }

    /// <summary>The sidecar YAML it was read from.</summary>
    public required string Path { get; init; }

    /// <summary>The model file it describes.</summary>
    public required string ModelPath { get; init; }

    /// <summary>
    /// The trainer clamps raw outputs to +-clip_actions; a raw output divided by it is the normalized action in
    /// [-1, 1] that the shared action mapping reads (which clamps exactly where the trainer did).
    /// </summary>
    public required double ClipActions { get; init; }

    /// <summary>The ONNX graph's input name; null for TorchScript.</summary>
    public string? InputName { get; init; }

    /// <summary>The ONNX graph's output name; null for TorchScript.</summary>
    public string? OutputName { get; init; }

    public int StateSize => Manifest.Observation.StateSize;

    public int ActionSize => Manifest.ActionSize;

    /// <summary>Raw outputs to normalized actions, in place. Non-finite values stay non-finite (the safety layer refuses them).</summary>
    public void Normalize(Span<float> raw)
    {
        var clip = (float)ClipActions;
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] /= clip;
        }
    }
}
