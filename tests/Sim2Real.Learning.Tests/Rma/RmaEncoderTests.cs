using Sim2Real.Learning.DrQV2;
using Sim2Real.Learning.Rma;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Rma;

public class RmaEncoderTests
{
    private static readonly RmaConfig Config = new() { EnvFactorDim = 3 };

    private static DrQV2Agent StateAgent() => new(
        new DrQV2Config { FeatureDim = 8, HiddenDim = 16, StddevSchedule = "0.2", ShiftPad = 0 },
        RmaEncoder.ForStates(5, Config), [5 + 3], 2);

    [Fact]
    public void The_state_features_are_the_state_then_z_bounded_by_tanh()
    {
        using var encoder = RmaEncoder.ForStates(5, Config);
        using var scope = TensorScope.Begin();
        var obs = Tensor.Cat([Tensor.RandN([4, 5]), Tensor.Full([4, 3], 1e3)], 1);
        var features = encoder.Forward(obs);
        Assert.Equal([4L, 5 + 8], features.Shape);
        Assert.Equal(obs.Slice(1, 0, 5).ToArray<float>(), features.Slice(1, 0, 5).ToArray<float>());
        Assert.All(features.Slice(1, 5, 13).ToArray<float>(), v => Assert.InRange(v, -1f, 1f));
        Assert.Equal(13, encoder.RepresentationDim);
    }

    [Fact]
    public void Mu_trains_through_the_critic_loss_with_the_encoder_optimizer()
    {
        Torch.ManualSeed(2);
        using var agent = StateAgent();
        var rma = Assert.IsType<RmaEncoder>(agent.Encoder);
        Assert.NotNull(agent.EncoderOptimizer);
        var before = rma.Mu.Parameters().Select(p => p.ToArray<float>()).ToList();
        using var scope = TensorScope.Begin();
        var batch = new TransitionBatch(Tensor.RandN([8, 8]), Tensor.Empty([8, 2]).Uniform_(-1, 1), Tensor.RandN([8, 1]), Tensor.Full([8, 1], 0.97), Tensor.RandN([8, 8]));
        agent.Update(batch, step: 0);
        var after = rma.Mu.Parameters().Select(p => p.ToArray<float>()).ToList();
        Assert.Contains(Enumerable.Range(0, before.Count), i => !before[i].SequenceEqual(after[i]));
    }

    [Fact]
    public void The_actor_loss_gives_mu_no_gradient_because_the_actor_sees_z_detached()
    {
        Torch.ManualSeed(3);
        using var agent = StateAgent();
        var rma = (RmaEncoder)agent.Encoder;
        using var scope = TensorScope.Begin();
        var features = agent.Encoder.Forward(Tensor.RandN([8, 8]));
        agent.UpdateActor(features.Detach(), step: 0);
        Assert.All(rma.Mu.Parameters(), p => Assert.Null(p.Grad));
        Assert.Contains(agent.Actor.Parameters(), p => p.Grad is not null);
    }

    [Fact]
    public void Pixel_features_take_e_t_beside_the_image_and_train_both_encoders()
    {
        using var encoder = new RmaEncoder(new PixelEncoder(3, 20, 20), new EnvFactorEncoder(Config));
        Assert.Contains("obs.convnet.0.weight", encoder.NamedParameters().Select(p => p.Name));
        Assert.Contains("mu.0.weight", encoder.NamedParameters().Select(p => p.Name));
        using var scope = TensorScope.Begin();
        var pixels = Tensor.RandInt(0, 256, [2, 3, 20, 20], DType.UInt8).Float();
        Assert.Throws<InvalidOperationException>(() => encoder.Forward(pixels));
        var features = encoder.Forward(pixels, Tensor.RandN([2, 3]));
        Assert.Equal([2L, encoder.RepresentationDim], features.Shape);
        features.Sum().Backward();
        Assert.All(encoder.Parameters(), p => Assert.NotNull(p.Grad));
    }

    [Fact]
    public void The_student_s_extrinsics_replace_mu_s_and_must_have_its_width()
    {
        using var encoder = RmaEncoder.ForStates(5, Config);
        using var scope = TensorScope.Begin();
        var state = Tensor.RandN([2, 5]);
        var zHat = Tensor.Full([2, 8], 0.25);
        Assert.Equal(Tensor.Cat([state, zHat], 1).ToArray<float>(), encoder.WithExtrinsics(state, zHat).ToArray<float>());
        var e = Assert.Throws<ArgumentException>(() => encoder.WithExtrinsics(state, Tensor.Zeros([2, 6])));
        Assert.Contains("rma.extrinsics_dim", e.Message, StringComparison.Ordinal);
    }
}
