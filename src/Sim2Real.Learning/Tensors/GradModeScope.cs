using Sim2Real.Learning.Interop;

namespace Sim2Real.Learning.Tensors;

/// <summary>Sets autograd recording on this thread until disposed, then restores what was there (torch.no_grad()).</summary>
public readonly struct GradModeScope : IDisposable
{
    private readonly bool _previous;

    internal GradModeScope(bool enabled)
    {
        _previous = TorchNative.s2r_grad_enabled() != 0;
        TorchNative.s2r_set_grad_enabled(enabled ? 1 : 0);
    }

    public void Dispose() => TorchNative.s2r_set_grad_enabled(_previous ? 1 : 0);
}
