namespace Sim2Real.Learning.Tensors;

/// <summary>How a 4-D tensor's elements lie in memory; the values are the codes the native layer uses.</summary>
public enum MemoryFormat
{
    /// <summary>NCHW, PyTorch's default (torch.contiguous_format).</summary>
    Contiguous = 0,

    /// <summary>NHWC (torch.channels_last): what oneDNN's convolutions read and write without reordering.</summary>
    ChannelsLast = 1,
}
