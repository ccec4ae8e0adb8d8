using Sim2Real.Ros.Interop;

namespace Sim2Real.Ros.Transport;

/// <summary>A DDS operation failed; the message names the topic, the message type and Cyclone's return code.</summary>
public sealed class RosTransportException : Exception
{
    public RosTransportException(string topic, string type, string operation, int returnCode)
        : base($"{topic} [{type}]: {operation} failed: {DdsNative.RetcodeText(returnCode)} ({returnCode})")
    {
        Topic = topic;
        MessageType = type;
        Operation = operation;
        ReturnCode = returnCode;
    }

    public RosTransportException(string topic, string type, string operation, string problem)
        : base($"{topic} [{type}]: {operation}: {problem}")
    {
        Topic = topic;
        MessageType = type;
        Operation = operation;
    }

    public string Topic { get; } = "";

    public string MessageType { get; } = "";

    public string Operation { get; } = "";

    /// <summary>Cyclone's dds_return_t (0 when the failure was not a native return code).</summary>
    public int ReturnCode { get; }

    /// <summary>Return codes that may clear up on their own (a network that is not up yet, resources in use).</summary>
    public bool IsTransient => ReturnCode is DdsNative.DDS_RETCODE_ERROR or DdsNative.DDS_RETCODE_OUT_OF_RESOURCES
        or DdsNative.DDS_RETCODE_TIMEOUT or DdsNative.DDS_RETCODE_TRY_AGAIN;
}
