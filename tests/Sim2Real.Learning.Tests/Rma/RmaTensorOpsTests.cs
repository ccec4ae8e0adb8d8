using Sim2Real.Learning.Modules;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Rma;

public class RmaTensorOpsTests
{
    [Fact]
    public void Conv1d_slides_the_kernel_along_time_with_its_stride()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.FromArray(new[] { 1f, 2f, 3f, 4f, 5f }, 1, 1, 5);
        var w = Tensor.FromArray(new[] { 1f, 2f }, 1, 1, 2);
        var b = Tensor.FromArray(new[] { 0.5f }, 1);
        Assert.Equal([5.5f, 11.5f], x.Conv1d(w, b, stride: 2).ToArray<float>());
        Assert.Equal([5f, 8f, 11f, 14f], x.Conv1d(w, null).ToArray<float>());
    }

    [Fact]
    public void Conv1d_gradients_reach_input_weight_and_bias()
    {
        using var conv = new Conv1d(2, 3, 3, stride: 2);
        using var scope = TensorScope.Begin();
        var x = Tensor.RandN([4, 2, 9]).RequiresGrad_();
        var y = conv.Forward(x);
        Assert.Equal([4L, 3, 4], y.Shape);
        y.Sum().Backward();
        Assert.Equal([4L, 2, 9], x.Grad!.Shape);
        // d(sum)/d(bias) counts the output positions of each channel: 4 samples x 4 steps.
        Assert.All(conv.Bias.Grad!.ToArray<float>(), g => Assert.Equal(16f, g));
        Assert.NotNull(conv.Weight.Grad);
    }

    [Fact]
    public void Elu_is_the_identity_above_zero_and_alpha_times_expm1_below()
    {
        using var scope = TensorScope.Begin();
        var y = Tensor.FromArray(new[] { -1f, 0f, 2f }, 3).Elu().ToArray<float>();
        Assert.Equal(MathF.Exp(-1) - 1, y[0], 6);
        Assert.Equal([0f, 2f], y[1..]);
        Assert.Equal(0.5f * (MathF.Exp(-1) - 1), new ELU(0.5).Forward(Tensor.FromArray(new[] { -1f }, 1)).ToArray<float>()[0], 6);
    }
}
