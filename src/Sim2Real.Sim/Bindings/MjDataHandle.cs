using Microsoft.Win32.SafeHandles;
using Sim2Real.Sim.Interop;

namespace Sim2Real.Sim.Bindings;

/// <summary>
/// Owns one mjData and holds a reference on its model's handle, so the model outlives every data made from it
/// even when the model is disposed first.
/// </summary>
internal sealed class MjDataHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly MjModelHandle _model;

    public MjDataHandle(IntPtr data, MjModelHandle model)
        : base(ownsHandle: true)
    {
        var added = false;
        model.DangerousAddRef(ref added);
        _model = model;
        SetHandle(data);
    }

    protected override bool ReleaseHandle()
    {
        MjNative.mj_deleteData(handle);
        _model.DangerousRelease();
        return true;
    }
}
