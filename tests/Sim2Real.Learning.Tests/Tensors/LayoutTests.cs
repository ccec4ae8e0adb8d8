using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Tensors;

public class LayoutTests
{
    [Fact]
    public void Scaled_pixels_are_obs_over_255_minus_half_bit_for_bit_in_either_layout()
    {
        using var scope = TensorScope.Begin();
        var obs = Tensor.RandInt(0, 256, [2, 3, 5, 5], DType.UInt8).Float();
        var expected = ((obs / 255.0) - 0.5).ToArray<float>();
        var channelsLast = obs.ScalePixels(MemoryFormat.ChannelsLast, Precision.Fp32);
        Assert.True(channelsLast.IsContiguousIn(MemoryFormat.ChannelsLast));
        Assert.False(channelsLast.IsContiguousIn(MemoryFormat.Contiguous));
        Assert.Equal(expected, channelsLast.ToArray<float>());
        Assert.Equal(expected, obs.ScalePixels(MemoryFormat.Contiguous, Precision.Fp32).ToArray<float>());
    }

    [Fact]
    public void Replicate_padding_straight_from_uint8_gives_the_padded_fp32_image_bit_for_bit()
    {
        using var scope = TensorScope.Begin();
        var pixels = Tensor.RandInt(0, 256, [2, 3, 6, 6], DType.UInt8);
        var expected = pixels.Float().PadReplicate(4, 4, 4, 4);
        var fromBytes = pixels.PadReplicateToFloat(4);
        Assert.Equal(DType.Float32, fromBytes.DType);
        Assert.Equal(expected.Shape, fromBytes.Shape);
        Assert.Equal(expected.ToArray<float>(), fromBytes.ToArray<float>());
        Assert.Equal(expected.ToArray<float>(), pixels.Float().PadReplicateToFloat(4).ToArray<float>());
        Assert.Throws<TorchException>(() => pixels.Reshape(6, 6, 6).PadReplicateToFloat(4));
    }

    [Fact]
    public void Bf16_pixels_are_bf16_and_emulated_ones_are_fp32_holding_the_same_rounded_values()
    {
        using var scope = TensorScope.Begin();
        var obs = Tensor.RandInt(0, 256, [2, 3, 4, 4], DType.UInt8).Float();
        var bf16 = obs.ScalePixels(MemoryFormat.ChannelsLast, Precision.Bf16);
        var emulated = obs.ScalePixels(MemoryFormat.ChannelsLast, Precision.Bf16Emulated);
        Assert.Equal(Precision.Bf16, bf16.FloatPrecision);
        Assert.Equal(Precision.Fp32, emulated.FloatPrecision);
        Assert.Equal(bf16.Float().ToArray<float>(), emulated.ToArray<float>());
        var exact = obs.ScalePixels(MemoryFormat.ChannelsLast, Precision.Fp32).ToArray<float>();
        var rounded = emulated.ToArray<float>();
        Assert.Contains(exact.Zip(rounded), p => p.First != p.Second);
        Assert.All(exact.Zip(rounded), p => Assert.True(Math.Abs(p.First - p.Second) <= Math.Abs(p.First) / 256, $"{p.First} rounds to {p.Second}, more than bf16's half ulp"));
    }

    [Fact]
    public void Channels_last_convolution_matches_nchw_in_values_and_gradients()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.RandN([2, 4, 9, 9]);
        var w = Tensor.RandN([5, 4, 3, 3]).RequiresGrad_();
        var b = Tensor.RandN([5]).RequiresGrad_();
        var nchw = x.Conv2d(w, b, 2, 0, Precision.Fp32);
        nchw.Square().Sum().Backward();
        var gradW = w.Grad!.ToArray<float>();
        w.ClearGrad();
        var nhwc = x.ToMemoryFormat(MemoryFormat.ChannelsLast).Conv2d(w, b, 2, 0, Precision.Fp32);
        Assert.True(nhwc.IsContiguousIn(MemoryFormat.ChannelsLast));
        nhwc.Square().Sum().Backward();
        AssertClose(nchw.ToArray<float>(), nhwc.ToArray<float>(), 1e-5);
        AssertClose(gradW, w.Grad!.ToArray<float>(), 1e-4);
    }

    [Fact]
    public void Bf16_convolution_gives_fp32_weights_fp32_gradients_that_emulation_reproduces()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.RandN([2, 3, 8, 8]).ToMemoryFormat(MemoryFormat.ChannelsLast);
        var w = (Tensor.RandN([4, 3, 3, 3]) * 0.3).RequiresGrad_();
        var results = new List<(float[] Out, float[] GradW, Precision? Kind)>();
        foreach (var precision in new[] { Precision.Bf16, Precision.Bf16Emulated, Precision.Fp32 })
        {
            var y = x.Conv2d(w, null, 1, 0, precision);
            var kind = y.FloatPrecision;
            y.Float().Relu().Sum().Backward();
            Assert.Equal(Precision.Fp32, w.Grad!.FloatPrecision);
            results.Add((y.Float().ToArray<float>(), w.Grad!.ToArray<float>(), kind));
            w.ClearGrad();
        }

        Assert.Equal(Precision.Bf16, results[0].Kind);
        Assert.Equal(Precision.Fp32, results[1].Kind);

        // Real and emulated bf16 round the same tensors; they differ only in fp32 summation order, so at most by one
        // bf16 ulp of the output here, well below bf16's distance from fp32.
        var scale = results[2].Out.Max(Math.Abs);
        AssertClose(results[0].Out, results[1].Out, scale / 64);
        AssertClose(results[0].GradW, results[1].GradW, results[2].GradW.Max(Math.Abs) / 64);
        Assert.Contains(results[1].Out.Zip(results[2].Out), p => p.First != p.Second);
    }

    private static void AssertClose(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: {expected[i]} against {actual[i]} (tolerance {tolerance})");
        }
    }
}
