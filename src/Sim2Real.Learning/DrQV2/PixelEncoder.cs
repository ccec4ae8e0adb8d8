using Sim2Real.Learning.Modules;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>The reference Encoder: obs/255 - 0.5, four 3x3 convolutions of 32 channels (the first with stride 2), ReLU after each.</summary>
public sealed class PixelEncoder : ObservationEncoder
{
    public PixelEncoder(long channels, long height, long width)
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

        WeightInit.Apply(this);
    }

    public Sequential Convnet { get; }

    public long[] ObsShape { get; }

    /// <summary>32 * 35 * 35 for 84x84 images.</summary>
    public override long RepresentationDim { get; }

    public override bool IsPixels => true;

    public override Tensor Forward(Tensor input)
    {
        using var scope = TensorScope.Begin();
        var h = Convnet.Forward((input / 255.0) - 0.5);
        return h.Flatten1().Keep();
    }
}
