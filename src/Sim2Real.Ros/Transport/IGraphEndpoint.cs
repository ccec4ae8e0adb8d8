namespace Sim2Real.Ros.Transport;

/// <summary>A reader or writer as the ROS 2 graph sees it: its DDS GUID, as a gid.</summary>
internal interface IGraphEndpoint
{
    /// <summary>The endpoint's DDS GUID (16 bytes).</summary>
    byte[] Gid { get; }

    bool IsWriter { get; }
}
