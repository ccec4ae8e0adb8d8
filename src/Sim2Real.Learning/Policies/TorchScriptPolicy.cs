using Sim2Real.Learning.Interop;
using Sim2Real.Learning.Tensors;
using Sim2Real.Robotics;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;

namespace Sim2Real.Learning.Policies;

/// <summary>
/// A TorchScript module as a policy (legged_gym's policy_1.pt, from torch.jit.script or torch.jit.trace), loaded
/// with libtorch's torch::jit::load: forward(float32[1, state]) gives the raw actions, divided by clip_actions into
/// the normalized action. A TorchScript file declares no shapes, so one forward on zeros at load checks the output
/// against the sidecar. Disposing it frees the module at once.
/// </summary>
public sealed class TorchScriptPolicy : IPolicy
{
    private readonly TorchScriptModuleHandle _module;
    private readonly PolicySidecar _sidecar;
    private readonly long[] _obsShape;

    private TorchScriptPolicy(TorchScriptModuleHandle module, PolicySidecar sidecar, Device device)
    {
        _module = module;
        _sidecar = sidecar;
        _obsShape = [sidecar.StateSize];
        Device = device;
        ObservationSpec = [new ArraySpec(Observation.StateName, [sidecar.StateSize], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity)];
        ActionSpec = new ArraySpec("action", [sidecar.ActionSize], ArrayDType.Float32, -1, 1);
    }

    public IReadOnlyList<ArraySpec> ObservationSpec { get; }

    public ArraySpec ActionSpec { get; }

    public Device Device { get; }

    /// <summary>Loads the module the sidecar describes onto <paramref name="device"/> and checks its output.</summary>
    /// <exception cref="PolicyFileException">libtorch cannot load it, forward fails on the sidecar's observation size, or returns another shape or type.</exception>
    public static TorchScriptPolicy Load(PolicySidecar sidecar, Device device)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        var path = sidecar.ModelPath;
        var rc = TorchNative.s2r_jit_load(path, (int)device.Type, device.Index, out var module);
        if (rc != 0)
        {
            module.Dispose();
            throw new PolicyFileException($"{path}: libtorch cannot load it as a TorchScript module: {Summary(TorchNative.Utf8(TorchNative.s2r_jit_last_error()))}");
        }

        var policy = new TorchScriptPolicy(module, sidecar, device);
        try
        {
            policy.Check();
            return policy;
        }
        catch
        {
            policy.Dispose();
            throw;
        }
    }

    public void Reset()
    {
    }

    public void Act(Observation observation, Span<float> action)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (action.Length != _sidecar.ActionSize)
        {
            throw new ArgumentException($"{_sidecar.ModelPath}: room for {action.Length} action values; the policy has {_sidecar.ActionSize}", nameof(action));
        }

        using var scope = TensorScope.Begin();
        var output = Forward(PolicyInput.From(observation, _obsShape, Device, _sidecar.ModelPath));
        output.CopyTo(action);
        _sidecar.Normalize(action);
    }

    public void Dispose() => _module.Dispose();

    private Tensor Forward(Tensor input)
    {
        var rc = TorchNative.s2r_jit_forward(_module, input.Handle, out var handle);
        if (rc != 0)
        {
            handle.Dispose();
            throw new PolicyFileException($"{_sidecar.ModelPath}: forward(float32[1, {_sidecar.StateSize}]) failed: {Summary(TorchNative.Utf8(TorchNative.s2r_jit_last_error()))}");
        }

        return new Tensor(handle);
    }

    private void Check()
    {
        using var scope = TensorScope.Begin();
        var output = Forward(Tensor.Full([1, _sidecar.StateSize], 0, DType.Float32, Device));
        var shape = output.Shape;
        var dtype = output.DType;
        var fits = dtype == DType.Float32 && shape.Aggregate(1L, (a, b) => a * b) == _sidecar.ActionSize
            && (shape.Length == 1 || (shape.Length == 2 && shape[0] == 1));
        if (!fits)
        {
            var type = Enum.IsDefined(dtype) ? dtype.ToString().ToLowerInvariant() : "a tensor of another dtype";
            throw new PolicyFileException(
                $"{_sidecar.ModelPath}: forward(float32[1, {_sidecar.StateSize}]) returned {type}[{string.Join(", ", shape)}]; {_sidecar.Path} lists {_sidecar.ActionSize} joints, so it must return float32[1, {_sidecar.ActionSize}]");
        }
    }

    /// <summary>The line that says what went wrong, without the TorchScript interpreter's traceback.</summary>
    private static string Summary(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(l => l.Contains("Error: ", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? message;
    }
}
