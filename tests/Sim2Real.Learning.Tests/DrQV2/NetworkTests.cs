using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.DrQV2;

public class NetworkTests
{
    [Fact]
    public void Pixel_encoder_gives_32x35x35_features_for_84x84_frame_stacks()
    {
        using var encoder = new PixelEncoder(9, 84, 84);
        Assert.Equal(32 * 35 * 35, encoder.RepresentationDim);
        using var scope = TensorScope.Begin();
        var features = encoder.Forward(Tensor.Full([2, 9, 84, 84], 255.0));
        Assert.Equal([2L, 32L * 35 * 35], features.Shape);
        Assert.Equal(
            ["convnet.0.weight", "convnet.0.bias", "convnet.2.weight", "convnet.2.bias", "convnet.4.weight", "convnet.4.bias", "convnet.6.weight", "convnet.6.bias"],
            encoder.NamedParameters().Select(p => p.Name));
    }

    [Fact]
    public void Weight_init_is_orthogonal_with_zero_biases_and_unit_layer_norm()
    {
        using var actor = new Actor(10, 3, 8, 16);
        using var scope = TensorScope.Begin();
        var w = actor.Trunk.NamedParameters().First().Parameter;
        var gram = w.MatMul(w.Transpose(0, 1));
        var identity = Tensor.FromArray(Enumerable.Range(0, 64).Select(i => i / 8 == i % 8 ? 1f : 0f).ToArray(), 8, 8);
        Assert.True((gram - identity).Abs().AMax(1).AMax(0).Item() < 1e-5);
        Assert.All(actor.Policy.NamedParameters().Where(p => p.Name.EndsWith("bias", StringComparison.Ordinal)), p => Assert.All(p.Parameter.ToArray<float>(), v => Assert.Equal(0f, v)));
        Assert.All(actor.Trunk.NamedParameters().Single(p => p.Name == "1.weight").Parameter.ToArray<float>(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Actor_mean_lies_in_minus_one_to_one()
    {
        using var actor = new Actor(5, 2, 4, 8);
        using var scope = TensorScope.Begin();
        var mean = actor.Forward(Tensor.RandN([7, 5]) * 100.0, 0.5).Mean;
        Assert.Equal([7L, 2L], mean.Shape);
        Assert.All(mean.ToArray<float>(), v => Assert.InRange(v, -1f, 1f));
    }

    [Fact]
    public void Critic_names_twin_heads_like_the_reference()
    {
        using var critic = new Critic(5, 2, 4, 8);
        var names = critic.NamedParameters().Select(p => p.Name).ToList();
        Assert.Contains("trunk.0.weight", names);
        Assert.Contains("Q1.0.weight", names);
        Assert.Contains("Q2.4.bias", names);
        Assert.Equal([8L, 6L], critic.NamedParameters().Single(p => p.Name == "Q1.0.weight").Parameter.Shape);
    }

    [Fact]
    public void Truncated_normal_clamps_samples_but_passes_gradient_straight_through()
    {
        using var scope = TensorScope.Begin();
        var mean = Tensor.FromArray(new[] { 0.99f, -0.5f, 5f }, 3).RequiresGrad_();
        var sample = new TruncatedNormal(mean, 10.0).Sample(clip: 0.3);
        var values = sample.ToArray<float>();
        Assert.All(values, v => Assert.InRange(v, -1f + 1e-6f - 1e-7f, 1f - 1e-6f + 1e-7f));
        Assert.InRange(values[1], -0.8f - 1e-6f, -0.2f + 1e-6f);
        sample.Sum().Backward();
        Assert.Equal([1f, 1f, 1f], mean.Grad!.ToArray<float>());
    }

    [Fact]
    public void Truncated_normal_with_zero_stddev_samples_the_mean()
    {
        using var scope = TensorScope.Begin();
        var mean = Tensor.FromArray(new[] { 0.25f, -0.75f }, 2);
        Assert.Equal([0.25f, -0.75f], new TruncatedNormal(mean, 0).Sample(0.3).ToArray<float>());
    }
}
