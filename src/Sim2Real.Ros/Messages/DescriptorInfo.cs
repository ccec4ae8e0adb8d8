namespace Sim2Real.Ros.Messages;

/// <summary>What an idlc descriptor says about a verified type: its DDS name and the C struct size (m_size).</summary>
public sealed record DescriptorInfo(RosTypeName Name, string DdsTypeName, uint StructSize);
