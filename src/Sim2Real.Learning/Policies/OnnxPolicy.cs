using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Sim2Real.Robotics;
using Sim2Real.Robotics.Observations;
using Sim2Real.Robotics.Policies;

namespace Sim2Real.Learning.Policies;

/// <summary>
/// An ONNX graph as a policy (Isaac Lab's policy.onnx), run by ONNX Runtime's CPU provider on one thread: the
/// state vector of the sidecar's layout in, raw actions out, divided by clip_actions into the normalized action.
/// Its input and output are checked against the sidecar when it loads. Buffers are reused between calls, so one
/// caller at a time (the runtime's policy thread).
/// </summary>
public sealed class OnnxPolicy : IPolicy
{
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly PolicySidecar _sidecar;
    private readonly float[] _input;
    private readonly float[] _output;
    private readonly OrtValue _inputValue;
    private readonly OrtValue _outputValue;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly OrtValue[] _inputs;
    private readonly OrtValue[] _outputs;

    private OnnxPolicy(InferenceSession session, PolicySidecar sidecar, long[] inputShape, long[] outputShape)
    {
        _session = session;
        _sidecar = sidecar;
        _input = new float[sidecar.StateSize];
        _output = new float[sidecar.ActionSize];
        _inputValue = OrtValue.CreateTensorValueFromMemory(_input, inputShape);
        _outputValue = OrtValue.CreateTensorValueFromMemory(_output, outputShape);
        _inputNames = [sidecar.InputName!];
        _outputNames = [sidecar.OutputName!];
        _inputs = [_inputValue];
        _outputs = [_outputValue];
        ObservationSpec = [new ArraySpec(Observation.StateName, [sidecar.StateSize], ArrayDType.Float32, double.NegativeInfinity, double.PositiveInfinity)];
        ActionSpec = new ArraySpec("action", [sidecar.ActionSize], ArrayDType.Float32, -1, 1);
    }

    public IReadOnlyList<ArraySpec> ObservationSpec { get; }

    public ArraySpec ActionSpec { get; }

    /// <summary>Opens the model the sidecar describes and checks its input and output against it.</summary>
    /// <exception cref="PolicyFileException">ONNX Runtime cannot load the model, or its tensors do not match the sidecar; names the file and the tensor.</exception>
    public static OnnxPolicy Load(PolicySidecar sidecar)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        var path = sidecar.ModelPath;
        InferenceSession session;
        using (var options = new SessionOptions
        {
            // A batch-1 MLP gains nothing from a thread pool; spinning threads would steal the control loop's cores.
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        })
        {
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            try
            {
                session = new InferenceSession(path, options);
            }
            catch (OnnxRuntimeException e)
            {
                throw new PolicyFileException($"{path}: ONNX Runtime cannot load it: {e.Message}", e);
            }
        }

        try
        {
            var inputShape = Shape(session.InputMetadata, sidecar.InputName!, sidecar.StateSize, "input", "the sidecar's observation layout has", sidecar);
            var outputShape = Shape(session.OutputMetadata, sidecar.OutputName!, sidecar.ActionSize, "output", "the sidecar lists", sidecar);
            var extra = session.InputMetadata.Keys.Where(k => k != sidecar.InputName).ToList();
            if (extra.Count > 0)
            {
                throw new PolicyFileException($"{path}: the graph also needs input{(extra.Count > 1 ? "s" : "")} {string.Join(", ", extra.Select(n => $"'{n}'"))}; a policy is fed only '{sidecar.InputName}' (the observation), so a recurrent policy's hidden state cannot be given");
            }

            var policy = new OnnxPolicy(session, sidecar, inputShape, outputShape);
            policy.Warm();
            return policy;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void Reset()
    {
    }

    public void Act(Observation observation, Span<float> action)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (action.Length != _output.Length)
        {
            throw new ArgumentException($"{_sidecar.ModelPath}: room for {action.Length} action values; the policy has {_output.Length}", nameof(action));
        }

        if (observation.State.Length != _input.Length)
        {
            throw new InvalidDataException($"{_sidecar.ModelPath}: expects a state observation of shape [{_input.Length}] ({_input.Length} values); the observation has {observation.State.Length}");
        }

        observation.State.CopyTo(_input, 0);
        try
        {
            _session.Run(_run, _inputNames, _inputs, _outputNames, _outputs);
        }
        catch (OnnxRuntimeException e)
        {
            throw new PolicyFileException($"{_sidecar.ModelPath}: inference failed: {e.Message}", e);
        }

        _output.CopyTo(action);
        _sidecar.Normalize(action);
    }

    public void Dispose()
    {
        _inputValue.Dispose();
        _outputValue.Dispose();
        _run.Dispose();
        _session.Dispose();
    }

    /// <summary>The shape to bind: [1, size] or [size], after checking name, element type and sizes against the sidecar.</summary>
    private static long[] Shape(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, int size, string what, string sidecarSays, PolicySidecar sidecar)
    {
        var path = sidecar.ModelPath;
        if (!nodes.TryGetValue(name, out var node))
        {
            throw new PolicyFileException($"{path}: the graph has no {what} '{name}' (its {what}s: {string.Join(", ", nodes.Keys.Select(k => $"'{k}'"))}); {sidecar.Path} names '{name}' under onnx.{what}");
        }

        var dims = node.IsTensor ? node.Dimensions : [];
        var shown = $"{what} '{name}' is {(node.IsTensor ? $"{Describe(node.ElementDataType)}[{string.Join(", ", dims.Select((d, i) => d < 0 ? Symbol(node, i) : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]" : node.OnnxValueType.ToString())}";
        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float)
        {
            throw new PolicyFileException($"{path}: {shown}; a policy's {what} must be a float32 tensor");
        }

        // [batch, size] with batch 1 or dynamic (Isaac Lab's export), or [size]; a dynamic size is checked by the first run.
        var fits = dims.Length switch
        {
            1 => dims[0] == size || dims[0] < 0,
            2 => (dims[0] == 1 || dims[0] < 0) && (dims[1] == size || dims[1] < 0),
            _ => false,
        };
        if (!fits)
        {
            throw new PolicyFileException($"{path}: {shown}; {sidecarSays} {size} values, so it must be float32[batch, {size}] or float32[{size}] ({sidecar.Path})");
        }

        return dims.Length == 1 ? [size] : [1, size];
    }

    private static string Symbol(NodeMetadata node, int i) =>
        node.SymbolicDimensions is { } names && i < names.Length && names[i].Length > 0 ? names[i] : "?";

    private static string Describe(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Double => "float64",
        TensorElementType.Float16 => "float16",
        TensorElementType.Int64 => "int64",
        TensorElementType.Int32 => "int32",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>One run on zeros: a dynamic dimension that does not fit fails here, at load, not at the first tick.</summary>
    private void Warm()
    {
        Array.Clear(_input);
        try
        {
            _session.Run(_run, _inputNames, _inputs, _outputNames, _outputs);
        }
        catch (OnnxRuntimeException e)
        {
            throw new PolicyFileException($"{_sidecar.ModelPath}: a run on float32[{_input.Length}] zeros (the sidecar's observation size) failed: {e.Message}", e);
        }
    }
}
