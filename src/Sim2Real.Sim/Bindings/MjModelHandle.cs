using Microsoft.Win32.SafeHandles;
using Sim2Real.Sim.Interop;

namespace Sim2Real.Sim.Bindings;

/// <summary>Owns one mjModel; mj_deleteModel runs when the last user (the model or any of its data) lets go.</summary>
internal sealed class MjModelHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public MjModelHandle(IntPtr model)
        : base(ownsHandle: true) => SetHandle(model);

    protected override bool ReleaseHandle()
    {
        MjNative.mj_deleteModel(handle);
        return true;
    }
}
