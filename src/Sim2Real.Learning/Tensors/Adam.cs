using Sim2Real.Learning.Interop;
using static Sim2Real.Learning.Interop.TorchNative;

namespace Sim2Real.Learning.Tensors;

/// <summary>
/// torch.optim.Adam over a fixed list of parameters. <see cref="ZeroGrad"/> releases gradients, as Python's
/// zero_grad(set_to_none=True) does; freshly constructed, it matches a fresh Python optimizer.
/// </summary>
public sealed class Adam : IDisposable
{
    private readonly AdamHandle _handle;
    private readonly IReadOnlyList<Tensor> _parameters;

    public unsafe Adam(IReadOnlyList<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lr);
        _parameters = parameters;
        var raw = Tensor.RawHandles(parameters);
        fixed (IntPtr* p = raw)
        {
            var rc = s2r_adam_new(p, raw.Length, lr, beta1, beta2, eps, weightDecay, out var h);
            if (rc != 0)
            {
                h.Dispose();
                Check(rc);
            }

            _handle = h;
        }

        LearningRate = lr;
    }

    public double LearningRate { get; }

    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>Steps taken so far (Python keeps it per parameter; here all parameters share it).</summary>
    public long StepCount
    {
        get
        {
            Check(s2r_adam_get_step(_handle, out var s));
            return s;
        }

        set => Check(s2r_adam_set_step(_handle, value));
    }

    public void ZeroGrad() => Check(s2r_adam_zero_grad(_handle));

    public void Step() => Check(s2r_adam_step(_handle));

    /// <summary>The first and second moment estimates of parameter <paramref name="index"/>, sharing the optimizer's storage.</summary>
    public (Tensor ExpAvg, Tensor ExpAvgSq) Moments(int index)
    {
        Check(s2r_adam_moments(_handle, index, out var a, out var b));
        return (new Tensor(a), new Tensor(b));
    }

    public void Dispose() => _handle.Dispose();
}
