using Sim2Real.Learning.Modules;
using Sim2Real.Learning.Rma;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Rma;

public class TemporalConvStackTests
{
    private static readonly RmaConfig Config = new() { EnvFactorDim = 7 };

    [Fact]
    public void The_paper_stack_turns_50_steps_into_3_and_96_head_inputs()
    {
        var stack = Config.ConvStack;
        Assert.Equal(3, stack.OutputLength(50));
        Assert.Equal(40, stack.MinimumLength);
        Assert.Equal(48, stack.UsedLength(50));
        using var phi = new AdaptationModule(19, Config);
        Assert.Equal(96, phi.Head.InFeatures);
        Assert.Equal(8, phi.Head.OutFeatures);
    }

    [Fact]
    public void The_stack_arithmetic_agrees_with_libtorch_s_convolutions_for_every_length_that_fits()
    {
        var stack = Config.ConvStack;
        using var convs = new Sequential([.. stack.Convs.Select(c => (Layer)new Conv1d(1, 1, c.Kernel, c.Stride))]);
        using var scope = TensorScope.Begin();
        using var noGrad = Torch.NoGrad();
        for (var length = stack.MinimumLength; length <= 64; length++)
        {
            Assert.Equal(stack.OutputLength(length), convs.Forward(Tensor.Zeros([1, 1, length])).Size(-1));
        }

        Assert.Equal(0, stack.OutputLength(stack.MinimumLength - 1));
    }

    [Fact]
    public void Phi_reads_the_newest_48_of_50_steps_and_ignores_the_oldest_two()
    {
        Torch.ManualSeed(1);
        using var phi = new AdaptationModule(4, Config);
        using var scope = TensorScope.Begin();
        using var noGrad = Torch.NoGrad();
        var history = Tensor.RandN([1, 50, 4]);
        var z = phi.Forward(history).ToArray<float>();

        var oldest = history.Clone();
        oldest.Slice(1, 0, 2).Fill_(100);
        Assert.Equal(z, phi.Forward(oldest).ToArray<float>());

        var newest = history.Clone();
        newest.Slice(1, 49, 50).Fill_(100);
        Assert.NotEqual(z, phi.Forward(newest).ToArray<float>());
    }

    [Fact]
    public void Parameters_carry_pytorch_state_dict_names()
    {
        using var mu = new EnvFactorEncoder(Config);
        using var phi = new AdaptationModule(19, Config);
        Assert.Equal(
            ["mu.0.weight", "mu.0.bias", "mu.2.weight", "mu.2.bias", "mu.4.weight", "mu.4.bias",
             "phi.step_mlp.0.weight", "phi.step_mlp.0.bias", "phi.step_mlp.2.weight", "phi.step_mlp.2.bias",
             "phi.conv.0.weight", "phi.conv.0.bias", "phi.conv.2.weight", "phi.conv.2.bias", "phi.conv.4.weight", "phi.conv.4.bias",
             "phi.head.weight", "phi.head.bias"],
            RmaWeights.NamedParameters(mu, phi).Select(p => p.Name));
        Assert.Equal([256L, 7L], mu.NamedParameters().First().Parameter.Shape);
        Assert.Equal([32L, 32L, 8L], phi.Conv[0] is Conv1d c ? c.Weight.Shape : []);
    }
}
