namespace Sim2Real.Mcap.Ros2;

/// <summary>The MCAP <c>ros2</c> profile, as rosbag2_storage_mcap writes it.</summary>
public static class Ros2Profile
{
    public const string Name = "ros2";

    /// <summary>Channel message_encoding: CDR with the 4-byte encapsulation header, as on the DDS wire.</summary>
    public const string MessageEncoding = "cdr";

    /// <summary>Schema encoding: .msg text with its dependencies concatenated.</summary>
    public const string SchemaEncoding = "ros2msg";

    /// <summary>Schema encoding rosbag2 falls back to when a type has no .msg (IDL-only types).</summary>
    public const string IdlSchemaEncoding = "ros2idl";

    /// <summary>Channel metadata key holding the publishers' QoS as YAML.</summary>
    public const string OfferedQosProfilesKey = "offered_qos_profiles";
}
