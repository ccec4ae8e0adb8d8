using System.Runtime.InteropServices;
using Sim2Real.Learning.Interop;

namespace Sim2Real.Learning.Tensors;

/// <summary>Owns one native torch::Tensor handle; releasing it drops this reference to the storage.</summary>
internal sealed class TensorHandle : SafeHandle
{
    public TensorHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    internal static TensorHandle FromRaw(IntPtr raw)
    {
        var h = new TensorHandle();
        h.SetHandle(raw);
        return h;
    }

    protected override bool ReleaseHandle()
    {
        TorchNative.s2r_t_free(handle);
        return true;
    }
}
