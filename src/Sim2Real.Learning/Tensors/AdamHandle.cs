using System.Runtime.InteropServices;
using Sim2Real.Learning.Interop;

namespace Sim2Real.Learning.Tensors;

/// <summary>Owns one native Adam optimizer (its parameter list and moment estimates).</summary>
internal sealed class AdamHandle : SafeHandle
{
    public AdamHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TorchNative.s2r_adam_free(handle);
        return true;
    }
}
