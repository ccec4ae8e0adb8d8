using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Tensors;

public class AdamOnePassTests
{
    [Fact]
    public void Five_steps_follow_torch_adams_formula_computed_in_double()
    {
        using var scope = TensorScope.Begin();
        Torch.ManualSeed(6);
        var p = Tensor.RandN([70_000]).RequiresGrad_();
        var start = p.ToArray<float>().Select(x => (double)x).ToArray();
        var targets = Enumerable.Range(0, 5).Select(_ => Tensor.RandN([70_000])).ToList();
        using var adam = new Adam([p], lr: 1e-2);
        var expected = (double[])start.Clone();
        var m = new double[start.Length];
        var v = new double[start.Length];
        for (var step = 1; step <= 5; step++)
        {
            // loss = sum((p - t)^2) / 2: grad = p - t, taken from the float parameter as torch sees it.
            var grad = (p.Detach() - targets[step - 1]).ToArray<float>();
            ((p - targets[step - 1]).Square().Sum() * 0.5).Backward();
            adam.Step();
            adam.ZeroGrad();
            var current = p.ToArray<float>();
            double bc1 = 1 - Math.Pow(0.9, step), bc2 = 1 - Math.Pow(0.999, step);
            var worst = 0.0;
            for (var i = 0; i < expected.Length; i++)
            {
                m[i] = (0.9 * m[i]) + (0.1 * grad[i]);
                v[i] = (0.999 * v[i]) + (0.001 * grad[i] * grad[i]);
                expected[i] -= 1e-2 / bc1 * m[i] / ((Math.Sqrt(v[i]) / Math.Sqrt(bc2)) + 1e-8);
                worst = Math.Max(worst, Math.Abs(expected[i] - current[i]));
                expected[i] = current[i];
            }

            Assert.True(worst < 1e-6, $"step {step}: a weight is {worst} from Adam's formula");
        }

        Assert.Equal(5, adam.StepCount);
        var (expAvg, _) = adam.Moments(0);
        using (expAvg)
        {
            Assert.True(expAvg.ToArray<float>().Zip(m).Max(x => Math.Abs(x.First - x.Second)) < 1e-6);
        }
    }

    [Fact]
    public void A_gradient_laid_out_unlike_its_parameter_takes_torchs_ops_with_the_same_result()
    {
        using var scope = TensorScope.Begin();
        Torch.ManualSeed(7);
        var init = Tensor.RandN([4, 3, 5, 5]);
        var a = init.Clone().RequiresGrad_();
        var b = init.Clone().RequiresGrad_();
        var x = Tensor.RandN([4, 3, 5, 5]);
        using var adamA = new Adam([a], lr: 1e-2);
        using var adamB = new Adam([b], lr: 1e-2);
        (a * x).Sum().Backward();
        (b * x.ToMemoryFormat(MemoryFormat.ChannelsLast)).Sum().Backward();
        Assert.True(b.Grad!.IsContiguousIn(MemoryFormat.ChannelsLast) || b.Grad!.IsContiguousIn(MemoryFormat.Contiguous));
        adamA.Step();
        adamB.Step();
        var diff = a.ToArray<float>().Zip(b.ToArray<float>()).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(diff < 1e-7, $"the two paths differ by {diff}");
    }
}
