using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.DrQV2;

/// <summary>
/// DrQ-v2's random shift: replicate-pad by <see cref="Pad"/>, then resample each image at an integer offset in
/// [0, 2*pad] with bilinear grid_sample. The grid is the reference's: centres of the padded image's first h
/// pixels in normalized coordinates, plus shift * 2 / (h + 2*pad). Takes uint8 or float pixels, returns float.
/// </summary>
public sealed class RandomShiftsAug(int pad)
{
    public int Pad { get; } = pad;

    public Tensor Forward(Tensor x)
    {
        var shape = x.Shape;
        if (shape.Length != 4 || shape[2] != shape[3])
        {
            throw new ArgumentException($"random shift needs square NCHW images, got [{string.Join(", ", shape)}]", nameof(x));
        }

        long n = shape[0], h = shape[2];
        var padded = h + (2 * Pad);
        using var scope = TensorScope.Begin();
        var device = x.Device;
        var eps = 1.0 / padded;
        var arange = Tensor.Linspace(-1.0 + eps, 1.0 - eps, padded, DType.Float32, device).Slice(0, 0, h);
        var rows = arange.Unsqueeze(0).Repeat(h, 1).Unsqueeze(2);
        var baseGrid = Tensor.Cat([rows, rows.Transpose(1, 0)], 2).Unsqueeze(0).Repeat(n, 1, 1, 1);
        var shift = Tensor.RandInt(0, (2 * Pad) + 1, [n, 1, 1, 2], DType.Float32, device) * (2.0 / padded);
        var grid = baseGrid + shift;
        return x.PadReplicateToFloat(Pad).GridSample(grid).Keep();
    }
}
