using Sim2Real.Learning.Modules;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Rma;

/// <summary>
/// φ: the adaptation module. A history of k (state, action) steps [B, k, D], oldest first, goes through a per-step
/// MLP to 32 features, 1-D convolutions over time, a flatten and a Linear head to ẑ = tanh(head) [B, 8]. Names under
/// "phi.": step_mlp.0/2, conv.0/2/4, head.
/// </summary>
/// <remarks>
/// As the paper: a 2-layer per-step MLP to 32, convolutions [32→32, 8, 4], [32→32, 5, 1], [32→32, 5, 1], flatten,
/// Linear to ẑ. ReLU after every layer but the head and tanh on ẑ, as hora (ProprioAdaptTConv) does, so that ẑ lives
/// in z's range. Time runs along the convolution: the step features are transposed to [B, 32, k] (hora's permute;
/// the authors' released code reshapes without a transpose). PyTorch's default initialization.
/// </remarks>
public sealed class AdaptationModule : Layer
{
    public AdaptationModule(long stepDim, RmaConfig config)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepDim);
        config.Validate();
        StepDim = stepDim;
        HistoryLength = config.HistoryLength;
        ExtrinsicsDim = config.ExtrinsicsDim;
        var stack = config.ConvStack;
        ConvStack = stack;
        UsedLength = stack.UsedLength(HistoryLength);
        long f = config.StepFeatures;
        StepMlp = RegisterModule("step_mlp", new Sequential(new Linear(stepDim, f), new ReLU(), new Linear(f, f), new ReLU()));
        var convs = new List<Layer>();
        foreach (var c in stack.Convs)
        {
            convs.Add(new Conv1d(f, f, c.Kernel, c.Stride));
            convs.Add(new ReLU());
        }

        Conv = RegisterModule("conv", new Sequential([.. convs]));
        Head = RegisterModule("head", new Linear(f * stack.OutputLength(HistoryLength), ExtrinsicsDim));
    }

    /// <summary>Values per history step: the state followed by the action.</summary>
    public long StepDim { get; }

    /// <summary>k, the steps φ is given.</summary>
    public int HistoryLength { get; }

    public TemporalConvStack ConvStack { get; }

    /// <summary>The newest steps the convolutions read (48 of k = 50 for RMA's stack).</summary>
    public int UsedLength { get; }

    public long ExtrinsicsDim { get; }

    public Sequential StepMlp { get; }

    public Sequential Conv { get; }

    public Linear Head { get; }

    /// <param name="input">[B, k, D] floats, oldest step first.</param>
    /// <exception cref="ArgumentException">The history is not [B, rma.history_length, state + action].</exception>
    public override Tensor Forward(Tensor input)
    {
        var shape = input.Shape;
        if (shape.Length != 3 || shape[1] != HistoryLength || shape[2] != StepDim)
        {
            throw new ArgumentException(
                $"rma history is [{string.Join(", ", shape)}]; φ takes [B, {HistoryLength}, {StepDim}]: rma.history_length = {HistoryLength} steps of state and action ({StepDim} values)",
                nameof(input));
        }

        using var scope = TensorScope.Begin();
        var newest = input.Slice(1, HistoryLength - UsedLength, HistoryLength);
        var steps = StepMlp.Forward(newest);
        var h = Conv.Forward(steps.Transpose(1, 2));
        return Head.Forward(h.Flatten1()).Tanh().Keep();
    }
}
