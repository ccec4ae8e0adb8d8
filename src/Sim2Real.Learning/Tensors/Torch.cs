using Sim2Real.Learning.Interop;
using static Sim2Real.Learning.Interop.TorchNative;

namespace Sim2Real.Learning.Tensors;

/// <summary>Process-wide libtorch state: random generator, autograd mode.</summary>
public static class Torch
{
    /// <summary>Seeds the global generator (and every CUDA generator): torch.manual_seed.</summary>
    public static void ManualSeed(ulong seed) => Check(s2r_manual_seed(seed));

    /// <summary>A device's default generator state as a uint8 tensor: torch.get_rng_state() for the CPU,
    /// torch.cuda.get_rng_state(i) for cuda:i. A CPU-only libtorch refuses a CUDA device.</summary>
    public static Tensor GetRngState(Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Tensor.Wrap(s2r_rng_get_state((int)d.Type, d.Index, out var h), h);
    }

    public static void SetRngState(Tensor state, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        Check(s2r_rng_set_state((int)d.Type, d.Index, state.Handle));
    }

    /// <summary>Autograd off on this thread until the scope is disposed (torch.no_grad()).</summary>
    public static GradModeScope NoGrad() => new(false);

    public static bool GradEnabled => TorchNative.s2r_grad_enabled() != 0;
}
