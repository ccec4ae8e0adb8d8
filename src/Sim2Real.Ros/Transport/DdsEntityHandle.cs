using System.Runtime.InteropServices;
using Sim2Real.Ros.Interop;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// A Cyclone entity (participant, topic, reader, writer). dds_delete also deletes an entity's children and waits for
/// its listener callbacks to return, so releasing a handle is the one place an entity ends.
/// </summary>
internal sealed class DdsEntityHandle : SafeHandle
{
    public DdsEntityHandle(int entity)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(entity);
    }

    public override bool IsInvalid => handle.ToInt64() <= 0;

    /// <summary>The dds_entity_t value; only valid while the handle is alive.</summary>
    public int Entity => (int)handle.ToInt64();

    protected override bool ReleaseHandle() => DdsNative.dds_delete(Entity) >= 0;
}
