using Sim2Real.Learning.Modules;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Modules;

public class ModuleTests
{
    [Fact]
    public void Sequential_names_parameters_as_a_pytorch_state_dict()
    {
        using var net = new Sequential(new Linear(4, 3), new ReLU(), new LayerNorm(3), new Conv2d(2, 5, 3));
        var names = net.NamedParameters("trunk.").Select(p => p.Name).ToArray();
        Assert.Equal(["trunk.0.weight", "trunk.0.bias", "trunk.2.weight", "trunk.2.bias", "trunk.3.weight", "trunk.3.bias"], names);
        Assert.Equal([5L, 2L, 3L, 3L], net.NamedParameters().Single(p => p.Name == "3.weight").Parameter.Shape);
        Assert.All(net.Parameters(), p => Assert.True(p.RequiresGrad));
    }

    [Fact]
    public void Linear_default_init_lies_within_one_over_sqrt_fan_in()
    {
        using var linear = new Linear(16, 8);
        var bound = 1f / 4f;
        Assert.All(linear.Weight.ToArray<float>(), w => Assert.InRange(w, -bound, bound));
        Assert.All(linear.Bias!.ToArray<float>(), b => Assert.InRange(b, -bound, bound));
    }

    [Fact]
    public void Sequential_forward_applies_layers_in_order()
    {
        using var net = new Sequential(new Linear(2, 2), new ReLU());
        var linear = (Linear)net[0];
        linear.Weight.Copy_(Tensor.FromArray(new[] { 1f, 0f, 0f, -1f }, 2, 2));
        linear.Bias!.Fill_(0);
        using var scope = TensorScope.Begin();
        Assert.Equal([3f, 0f], net.Forward(Tensor.FromArray(new[] { 3f, 4f }, 1, 2)).ToArray<float>());
    }

    [Fact]
    public void Train_and_eval_reach_every_descendant()
    {
        using var net = new Sequential(new Sequential(new Linear(1, 1)), new Tanh());
        net.Eval();
        Assert.All(net.Modules(), m => Assert.False(m.Training));
        net.Train();
        Assert.All(net.Modules(), m => Assert.True(m.Training));
    }

    [Fact]
    public void Moving_to_a_device_keeps_parameters_trainable_leaves()
    {
        using var net = new Linear(2, 2);
        net.To(Device.Cpu);
        Assert.Equal(Device.Cpu, net.Weight.Device);
        Assert.True(net.Weight.RequiresGrad);
    }

    [Fact]
    public void Disposing_a_module_frees_its_parameters()
    {
        var net = new Sequential(new Linear(2, 2));
        var w = net.Parameters()[0];
        net.Dispose();
        Assert.True(w.IsDisposed);
    }

    [Fact]
    public void Device_names_parse_as_pytorch_writes_them()
    {
        Assert.Equal(Device.Cpu, Device.Parse("cpu"));
        Assert.Equal(Device.Cuda(0), Device.Parse("cuda"));
        Assert.Equal(Device.Cuda(1), Device.Parse("cuda:1"));
        Assert.Throws<FormatException>(() => Device.Parse("tpu"));
    }
}
