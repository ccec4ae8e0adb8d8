using System.Runtime.InteropServices;

namespace Sim2Real.Ros.Interop;

/// <summary>P/Invoke declarations for Cyclone DDS's C API (libddsc), spelled as dds.h spells them.</summary>
internal static unsafe partial class DdsNative
{
    private const string Lib = "ddsc";
    private const string Msgs = "s2r_rosmsgs";

    internal const int DDS_RETCODE_OK = 0;
    internal const int DDS_RETCODE_ERROR = -1;
    internal const int DDS_RETCODE_PRECONDITION_NOT_MET = -4;
    internal const int DDS_RETCODE_OUT_OF_RESOURCES = -5;
    internal const int DDS_RETCODE_TIMEOUT = -10;
    internal const int DDS_RETCODE_TRY_AGAIN = -13;
    internal const int DDS_MIN_PSEUDO_HANDLE = 0x7fff0000;
    internal const int DDS_BUILTIN_TOPIC_DCPSPUBLICATION = DDS_MIN_PSEUDO_HANDLE + 3;
    internal const int DDS_BUILTIN_TOPIC_DCPSSUBSCRIPTION = DDS_MIN_PSEUDO_HANDLE + 4;
    internal const long DDS_INFINITY = long.MaxValue;
    internal const uint DDS_DATA_REPRESENTATION_XCDR1 = 0;

    [LibraryImport(Lib)]
    internal static partial IntPtr dds_strretcode(int ret);

    [LibraryImport(Lib)]
    internal static partial int dds_create_domain(uint domain, [MarshalAs(UnmanagedType.LPUTF8Str)] string config);

    [LibraryImport(Lib)]
    internal static partial int dds_create_participant(uint domain, IntPtr qos, IntPtr listener);

    [LibraryImport(Lib)]
    internal static partial int dds_create_reader(int participantOrSubscriber, int topic, IntPtr qos, IntPtr listener);

    [LibraryImport(Lib)]
    internal static partial int dds_create_writer(int participantOrPublisher, int topic, IntPtr qos, IntPtr listener);

    [LibraryImport(Lib)]
    internal static partial int dds_delete(int entity);

    [LibraryImport(Lib)]
    internal static partial int dds_get_guid(int entity, byte* guid16);

    [LibraryImport(Lib)]
    internal static partial int dds_wait_for_acks(int writer, long timeout);

    [LibraryImport(Lib)]
    internal static partial int dds_get_publication_matched_status(int writer, PublicationMatchedStatus* status);

    [LibraryImport(Lib)]
    internal static partial int dds_get_subscription_matched_status(int reader, SubscriptionMatchedStatus* status);

    [LibraryImport(Lib)]
    internal static partial int dds_get_requested_incompatible_qos_status(int reader, IncompatibleQosStatus* status);

    [LibraryImport(Lib)]
    internal static partial int dds_get_offered_incompatible_qos_status(int writer, IncompatibleQosStatus* status);

    [LibraryImport(Lib)]
    internal static partial IntPtr dds_create_qos();

    [LibraryImport(Lib)]
    internal static partial void dds_delete_qos(IntPtr qos);

    [LibraryImport(Lib)]
    internal static partial void dds_qset_reliability(IntPtr qos, int kind, long maxBlockingTime);

    [LibraryImport(Lib)]
    internal static partial void dds_qset_durability(IntPtr qos, int kind);

    [LibraryImport(Lib)]
    internal static partial void dds_qset_durability_service(IntPtr qos, long serviceCleanupDelay, int historyKind, int historyDepth, int maxSamples, int maxInstances, int maxSamplesPerInstance);

    [LibraryImport(Lib)]
    internal static partial void dds_qset_history(IntPtr qos, int kind, int depth);

    [LibraryImport(Lib)]
    internal static partial void dds_qset_userdata(IntPtr qos, byte* value, nuint size);

    [LibraryImport(Lib)]
    internal static partial void dds_qset_writer_data_lifecycle(IntPtr qos, [MarshalAs(UnmanagedType.U1)] bool autodispose);

    [LibraryImport(Lib)]
    internal static partial void dds_qset_data_representation(IntPtr qos, uint n, uint* values);

    [LibraryImport(Lib)]
    internal static partial IntPtr dds_create_listener(IntPtr arg);

    [LibraryImport(Lib)]
    internal static partial void dds_delete_listener(IntPtr listener);

    [LibraryImport(Lib)]
    internal static partial void dds_lset_data_available(IntPtr listener, delegate* unmanaged[Cdecl]<int, IntPtr, void> callback);

    [LibraryImport(Lib)]
    internal static partial void dds_lset_publication_matched(IntPtr listener, delegate* unmanaged[Cdecl]<int, PublicationMatchedStatus, IntPtr, void> callback);

    [LibraryImport(Lib)]
    internal static partial void dds_lset_subscription_matched(IntPtr listener, delegate* unmanaged[Cdecl]<int, SubscriptionMatchedStatus, IntPtr, void> callback);

    [LibraryImport(Lib)]
    internal static partial void dds_lset_requested_incompatible_qos(IntPtr listener, delegate* unmanaged[Cdecl]<int, IncompatibleQosStatus, IntPtr, void> callback);

    [LibraryImport(Lib)]
    internal static partial void dds_lset_offered_incompatible_qos(IntPtr listener, delegate* unmanaged[Cdecl]<int, IncompatibleQosStatus, IntPtr, void> callback);

    /// <summary>DDS_VERSION of the headers the project's message library was compiled against.</summary>
    [LibraryImport(Msgs)]
    internal static partial IntPtr s2r_dds_version();

    [LibraryImport(Msgs, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int s2r_create_topic(int participant, string topicName, string typeName, IntPtr qos, IntPtr listener, out IntPtr sertype);

    [LibraryImport(Msgs)]
    internal static partial int s2r_write_cdr(int writer, IntPtr sertype, byte* cdr, uint size);

    [LibraryImport(Msgs)]
    internal static partial int s2r_take_one(int reader, out IntPtr handle, out byte* data, out uint size, out long sourceTimestamp);

    [LibraryImport(Msgs)]
    internal static partial void s2r_release(IntPtr handle);

    [LibraryImport(Msgs)]
    internal static partial int s2r_check_layout(IntPtr descriptor, byte* cdr, uint size, out uint structSize);

    [LibraryImport(Msgs)]
    internal static partial int s2r_endpoints(int reader, byte* buffer, int capacity);

    internal static string Utf8(IntPtr p) => Marshal.PtrToStringUTF8(p) ?? "";

    internal static string RetcodeText(int code) => Utf8(dds_strretcode(code));

    [StructLayout(LayoutKind.Sequential)]
    internal struct PublicationMatchedStatus
    {
        public uint TotalCount;
        public int TotalCountChange;
        public uint CurrentCount;
        public int CurrentCountChange;
        public ulong LastSubscriptionHandle;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct SubscriptionMatchedStatus
    {
        public uint TotalCount;
        public int TotalCountChange;
        public uint CurrentCount;
        public int CurrentCountChange;
        public ulong LastPublicationHandle;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct IncompatibleQosStatus
    {
        public uint TotalCount;
        public int TotalCountChange;
        public uint LastPolicyId;
    }
}
