using System.Runtime.InteropServices;
using Sim2Real.Learning.Interop;

namespace Sim2Real.Learning.Policies;

/// <summary>A loaded torch::jit::Module (heap-allocated by s2r_jit_load); releasing it frees the module and its weights.</summary>
internal sealed class TorchScriptModuleHandle : SafeHandle
{
    public TorchScriptModuleHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TorchNative.s2r_jit_free(handle);
        return true;
    }
}
