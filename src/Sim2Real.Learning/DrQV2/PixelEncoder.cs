using Sim2Real.Learning.Modules;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>
/// The reference Encoder: obs/255 - 0.5, four 3x3 convolutions of 32 channels (the first with stride 2), ReLU after
/// each. Activations are channels_last by default (the same maths: oneDNN then skips reordering every activation
/// and gradient in and out of its blocked layout); <see cref="Precision"/> bf16 runs the convolutions in bf16. The
/// weights stay fp32 in NCHW order, so checkpoints are the reference's either way.
/// </summary>
public sealed class PixelEncoder : ObservationEncoder
{
    public PixelEncoder(long channels, long height, long width, Precision precision = Precision.Fp32, MemoryFormat layout = MemoryFormat.ChannelsLast)
    {
        Convnet = RegisterModule("convnet", new Sequential(
            new Conv2d(channels, 32, 3, stride: 2), new ReLU(),
            new Conv2d(32, 32, 3), new ReLU(),
            new Conv2d(32, 32, 3), new ReLU(),
            new Conv2d(32, 32, 3), new ReLU()));
        ObsShape = [channels, height, width];
        long Side(long s) => ((s - 3) / 2) + 1 - 6;
        RepresentationDim = 32 * Side(height) * Side(width);
        if (Side(height) < 1 || Side(width) < 1)
        {
            throw new ArgumentException($"images of {height}x{width} are too small for the encoder's four convolutions");
        }

        Precision = precision;
        Layout = layout;
        WeightInit.Apply(this);
    }

    public Sequential Convnet { get; }

    public long[] ObsShape { get; }

    /// <summary>32 * 35 * 35 for 84x84 images.</summary>
    public override long RepresentationDim { get; }

    public override bool IsPixels => true;

    public Precision Precision { get; }

    /// <summary>The activations' layout; features come out in the reference's NCHW flattening order either way.</summary>
    public MemoryFormat Layout { get; }

    /// <summary>Features [B, RepresentationDim] in fp32 (bf16-valued under bf16) for float pixels [B, C, H, W] in 0..255.</summary>
    public override Tensor Forward(Tensor input)
    {
        using var scope = TensorScope.Begin();
        var h = input.ScalePixels(Layout, Precision);
        foreach (var layer in Convnet.Layers)
        {
            h = layer is Conv2d conv ? h.Conv2d(conv.Weight, conv.Bias, conv.Stride, conv.Padding, Precision) : layer.Forward(h);
        }

        return h.Flatten1().Float().Keep();
    }
}
