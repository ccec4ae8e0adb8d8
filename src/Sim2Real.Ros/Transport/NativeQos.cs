using Sim2Real.Ros.Interop;

namespace Sim2Real.Ros.Transport;

/// <summary>A dds_qos_t built from a <see cref="QosProfile"/> the way rmw_cyclonedds builds it.</summary>
internal sealed unsafe class NativeQos : IDisposable
{
    public NativeQos(QosProfile profile, bool writer)
    {
        Handle = DdsNative.dds_create_qos();
        // Reliable writers block (up to forever) only when KEEP_ALL history is full, as in rmw_cyclonedds.
        DdsNative.dds_qset_reliability(Handle, (int)profile.Reliability, DdsNative.DDS_INFINITY);
        DdsNative.dds_qset_durability(Handle, (int)profile.Durability);
        DdsNative.dds_qset_history(Handle, (int)profile.History, profile.History == History.KeepLast ? profile.Depth : -1);
        var xcdr1 = DdsNative.DDS_DATA_REPRESENTATION_XCDR1;
        DdsNative.dds_qset_data_representation(Handle, 1, &xcdr1);
        if (writer && profile.Durability == Durability.TransientLocal)
        {
            // Cyclone keeps durability_service.history samples for late joiners (default: 1), not the writer's
            // history; match them so a latched topic with depth N replays N, as rmw_cyclonedds does.
            DdsNative.dds_qset_durability_service(Handle, 0, (int)profile.History, profile.History == History.KeepLast ? profile.Depth : -1, -1, -1, -1);
        }

        if (writer)
        {
            // ROS 2 topics are keyless; disposing on writer deletion would only send no-data notifications.
            DdsNative.dds_qset_writer_data_lifecycle(Handle, false);
        }
    }

    public IntPtr Handle { get; private set; }

    public void Dispose()
    {
        if (Handle != IntPtr.Zero)
        {
            DdsNative.dds_delete_qos(Handle);
            Handle = IntPtr.Zero;
        }
    }
}
