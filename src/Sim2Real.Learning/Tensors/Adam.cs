using Sim2Real.Learning.Interop;
using static Sim2Real.Learning.Interop.TorchNative;

namespace Sim2Real.Learning.Tensors;

/// <summary>
/// torch.optim.Adam over a fixed list of parameters. <see cref="ZeroGrad"/> releases gradients, as Python's
/// zero_grad(set_to_none=True) does; freshly constructed, it matches a fresh Python optimizer. Without weight decay,
/// a step on fp32 CPU parameters is one pass over each (s2r_torch_adam.cpp) instead of torch's seven tensor ops.
/// </summary>
public sealed class Adam : IDisposable
{
    private readonly AdamHandle _handle;
    private readonly IReadOnlyList<Tensor> _parameters;
    private readonly double _beta1, _beta2, _eps, _weightDecay;

    // The moments' handles, sharing the optimizer's storage, for the one-pass step; null until the first step.
    private (Tensor ExpAvg, Tensor ExpAvgSq)[]? _moments;

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
        (_beta1, _beta2, _eps, _weightDecay) = (beta1, beta2, eps, weightDecay);
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

    public void Step()
    {
        if (_weightDecay != 0)
        {
            Check(s2r_adam_step(_handle));
            return;
        }

        _moments ??= Enumerable.Range(0, _parameters.Count).Select(i => Moments(i)).Select(m => (m.ExpAvg.Unscoped(), m.ExpAvgSq.Unscoped())).ToArray();
        var step = StepCount + 1;
        StepOnePass(step);
        StepCount = step;
    }

    private unsafe void StepOnePass(long step)
    {
        var parameters = Tensor.RawHandles(_parameters);
        var expAvgs = Tensor.RawHandles(_moments!.Select(m => m.ExpAvg).ToList());
        var expAvgSqs = Tensor.RawHandles(_moments!.Select(m => m.ExpAvgSq).ToList());
        fixed (IntPtr* p = parameters, m = expAvgs, v = expAvgSqs)
        {
            CheckAdamFused(s2r_adam_fused_step(p, m, v, parameters.Length, LearningRate, _beta1, _beta2, _eps, step));
        }

        GC.KeepAlive(_moments);
    }

    /// <summary>The first and second moment estimates of parameter <paramref name="index"/>, sharing the optimizer's storage.</summary>
    public (Tensor ExpAvg, Tensor ExpAvgSq) Moments(int index)
    {
        Check(s2r_adam_moments(_handle, index, out var a, out var b));
        return (new Tensor(a), new Tensor(b));
    }

    public void Dispose()
    {
        foreach (var (m, v) in _moments ?? [])
        {
            m.Dispose();
            v.Dispose();
        }

        _handle.Dispose();
    }
}
