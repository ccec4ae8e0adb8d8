using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sim2Real.Ros.Interop;

namespace Sim2Real.Ros.Transport;

/// <summary>
/// A dds_listener_t whose callbacks reach a C# <see cref="IDdsListenerTarget"/>. Data is handled inside
/// on_data_available, on Cyclone's receive thread, without a hop through a waitset thread: that is what keeps the
/// round trip close to C's. Cyclone copies the listener into the entity; the target stays pinned by a GCHandle
/// until <see cref="Dispose"/>, which must come after the entity is deleted (dds_delete waits for callbacks).
/// </summary>
internal sealed unsafe class DdsListener : IDisposable
{
    private GCHandle _target;

    public DdsListener(IDdsListenerTarget target, bool reader)
    {
        _target = GCHandle.Alloc(target);
        Native = DdsNative.dds_create_listener(GCHandle.ToIntPtr(_target));
        if (reader)
        {
            DdsNative.dds_lset_data_available(Native, &OnDataAvailable);
            DdsNative.dds_lset_subscription_matched(Native, &OnSubscriptionMatched);
            DdsNative.dds_lset_requested_incompatible_qos(Native, &OnIncompatibleQos);
        }
        else
        {
            DdsNative.dds_lset_publication_matched(Native, &OnPublicationMatched);
            DdsNative.dds_lset_offered_incompatible_qos(Native, &OnIncompatibleQos);
        }
    }

    public IntPtr Native { get; private set; }

    /// <summary>Frees the native listener (the entity keeps its own copy).</summary>
    public void ReleaseNative()
    {
        if (Native != IntPtr.Zero)
        {
            DdsNative.dds_delete_listener(Native);
            Native = IntPtr.Zero;
        }
    }

    public void Dispose()
    {
        ReleaseNative();
        if (_target.IsAllocated)
        {
            _target.Free();
        }
    }

    private static IDdsListenerTarget Target(IntPtr arg) => (IDdsListenerTarget)GCHandle.FromIntPtr(arg).Target!;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDataAvailable(int reader, IntPtr arg) => Target(arg).OnDataAvailable(reader);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnSubscriptionMatched(int reader, DdsNative.SubscriptionMatchedStatus status, IntPtr arg) =>
        Target(arg).OnMatched(status.CurrentCount);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPublicationMatched(int writer, DdsNative.PublicationMatchedStatus status, IntPtr arg) =>
        Target(arg).OnMatched(status.CurrentCount);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnIncompatibleQos(int entity, DdsNative.IncompatibleQosStatus status, IntPtr arg) =>
        Target(arg).OnIncompatibleQos(status.TotalCount, status.LastPolicyId);
}
