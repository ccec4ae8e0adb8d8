using Sim2Real.Sim.Randomization;

namespace Sim2Real.Sim.Tests.Randomization;

public class ImageNoiseTests
{
    [Fact]
    public void Noise_has_the_configured_deviation_no_bias_and_differs_between_frames()
    {
        var noise = new ImageNoise(seed: 1);
        var random = new Random(2);
        var first = Enumerable.Repeat((byte)128, 84 * 84 * 3).ToArray();
        var second = (byte[])first.Clone();

        noise.Apply(first, std: 4, random);
        noise.Apply(second, std: 4, random);

        var deltas = first.Select(v => v - 128.0).ToArray();
        Assert.InRange(Math.Sqrt(deltas.Average(d => d * d)), 3.8, 4.2);
        Assert.InRange(deltas.Average(), -0.1, 0.1);
        Assert.NotEqual(first, second);
    }
}
