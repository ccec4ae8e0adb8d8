using Sim2Real.Learning.Interop;
using static Sim2Real.Learning.Interop.TorchNative;

namespace Sim2Real.Learning.Tensors;

/// <summary>Process-wide libtorch state: random generator, autograd mode.</summary>
public static class Torch
{
    /// <summary>Seeds the global generator (and every CUDA generator): torch.manual_seed.</summary>
    public static void ManualSeed(ulong seed) => Check(s2r_manual_seed(seed));

    /// <summary>The CPU generator's state as a uint8 tensor (torch.get_rng_state()).</summary>
    public static Tensor GetRngState() => Tensor.Wrap(s2r_rng_get_state(out var h), h);

    public static void SetRngState(Tensor state) => Check(s2r_rng_set_state(state.Handle));

    /// <summary>Autograd off on this thread until the scope is disposed (torch.no_grad()).</summary>
    public static GradModeScope NoGrad() => new(false);

    public static bool GradEnabled => TorchNative.s2r_grad_enabled() != 0;
}
