using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.DrQV2;

public class RandomShiftsAugTests
{
    [Fact]
    public void Each_image_becomes_an_integer_shift_of_its_replicate_padded_self()
    {
        using var scope = TensorScope.Begin();
        const int n = 6, c = 2, h = 12, pad = 4;
        Torch.ManualSeed(3);
        var x = (Tensor.RandN([n, c, h, h]) * 50.0) + 128.0;
        var y = new RandomShiftsAug(pad).Forward(x);
        Assert.Equal([n, c, h, h], y.Shape);
        var padded = x.PadReplicate(pad, pad, pad, pad);
        for (var i = 0; i < n; i++)
        {
            var image = y.Slice(0, i, i + 1);
            var found = false;
            for (var dy = 0; dy <= 2 * pad && !found; dy++)
            {
                for (var dx = 0; dx <= 2 * pad && !found; dx++)
                {
                    var window = padded.Slice(0, i, i + 1).Slice(2, dy, dy + h).Slice(3, dx, dx + h);
                    found = (image - window).Abs().AMax(-1).AMax(-1).AMax(-1).AMax(-1).Item() < 1e-3;
                }
            }

            Assert.True(found, $"image {i} is not an integer shift in [0, {2 * pad}] of the padded input");
        }
    }

    [Fact]
    public void Non_square_images_are_rejected()
    {
        using var scope = TensorScope.Begin();
        Assert.Throws<ArgumentException>(() => new RandomShiftsAug(4).Forward(Tensor.Zeros([1, 1, 4, 5])));
    }
}
