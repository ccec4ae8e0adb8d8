using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Tensors;

public class TensorTests
{
    private static void Near(float[] expected, float[] actual, float tol = 1e-5f)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"element {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    [Fact]
    public void Host_buffers_round_trip_for_float_uint8_and_int64()
    {
        using var f = Tensor.FromArray(new[] { 1.5f, -2f, 3f, 4f, 5f, 6f }, 2, 3);
        using var b = Tensor.FromArray(new byte[] { 0, 128, 255 }, 3);
        using var l = Tensor.FromArray(new[] { long.MaxValue, -1L }, 2);
        Assert.Equal([2L, 3L], f.Shape);
        Assert.Equal(DType.Float32, f.DType);
        Assert.Equal(Device.Cpu, f.Device);
        Assert.Equal([1.5f, -2f, 3f, 4f, 5f, 6f], f.ToArray<float>());
        Assert.Equal([0, 128, 255], b.ToArray<byte>());
        Assert.Equal([long.MaxValue, -1L], l.ToArray<long>());
    }

    [Fact]
    public void Shape_that_does_not_match_the_data_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new float[5], 2, 3));
        Assert.Contains("needs 6 elements", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Libtorch_errors_surface_as_exceptions_with_libtorch_message()
    {
        using var a = Tensor.Zeros([2, 3]);
        using var b = Tensor.Zeros([4, 5]);
        var e = Assert.Throws<TorchException>(() => a.MatMul(b));
        Assert.Contains("shapes cannot be multiplied", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arithmetic_matches_hand_computed_values()
    {
        using var scope = TensorScope.Begin();
        var a = Tensor.FromArray(new[] { 1f, 2f, 3f, 4f }, 2, 2);
        var b = Tensor.FromArray(new[] { 5f, 6f, 7f, 8f }, 2, 2);
        Assert.Equal([6f, 8f, 10f, 12f], (a + b).ToArray<float>());
        Assert.Equal([-4f, -4f, -4f, -4f], (a - b).ToArray<float>());
        Assert.Equal([5f, 12f, 21f, 32f], (a * b).ToArray<float>());
        Assert.Equal([19f, 22f, 43f, 50f], a.MatMul(b).ToArray<float>());
        Assert.Equal([0f, -1f, -2f, -3f], (1.0 - a).ToArray<float>());
        Assert.Equal([1f, 2f, 3f, 4f], a.Minimum(b).ToArray<float>());
        Assert.Equal(10.0, a.Sum().Item());
        Assert.Equal([3f, 7f], a.Sum(1).ToArray<float>());
        Assert.Equal([1f, 3f], a.AMin(1).ToArray<float>());
        Assert.Equal([2f, 2f, 3f, 3f], a.Clamp(2, 3).ToArray<float>());
        // mean((a-b)^2) = 16
        Assert.Equal(16.0, a.MseLoss(b).Item());
    }

    [Fact]
    public void Linear_computes_x_times_weight_transposed_plus_bias()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.FromArray(new[] { 1f, 2f }, 1, 2);
        var w = Tensor.FromArray(new[] { 1f, 0f, 0f, 1f, 1f, 1f }, 3, 2);
        var bias = Tensor.FromArray(new[] { 0.5f, 0f, -1f }, 3);
        Assert.Equal([1.5f, 2f, 2f], x.Linear(w, bias).ToArray<float>());
        Assert.Equal([1f, 2f, 3f], x.Linear(w, null).ToArray<float>());
    }

    [Fact]
    public void Conv2d_with_stride_two_matches_hand_computed_sums()
    {
        using var scope = TensorScope.Begin();
        // 1x1x5x5 ramp 0..24, 3x3 kernel of ones: each output is the sum of a 3x3 window.
        var x = Tensor.FromArray(Enumerable.Range(0, 25).Select(i => (float)i).ToArray(), 1, 1, 5, 5);
        var w = Tensor.Ones([1, 1, 3, 3]);
        var b = Tensor.FromArray(new[] { 1f }, 1);
        var y = x.Conv2d(w, b, stride: 2);
        Assert.Equal([1L, 1L, 2L, 2L], y.Shape);
        // window at (0,0): 0+1+2+5+6+7+10+11+12 = 54
        Assert.Equal([55f, 73f, 145f, 163f], y.ToArray<float>());
    }

    [Fact]
    public void Layer_norm_normalizes_the_last_dimension()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.FromArray(new[] { 1f, 2f, 3f, 4f }, 1, 4);
        var w = Tensor.FromArray(new[] { 1f, 1f, 2f, 2f }, 4);
        var b = Tensor.FromArray(new[] { 0f, 0f, 0f, 1f }, 4);
        var std = (float)Math.Sqrt(1.25 + 1e-5);
        Near([-1.5f / std, -0.5f / std, 2 * 0.5f / std, (2 * 1.5f / std) + 1], x.LayerNorm(w, b).ToArray<float>());
    }

    [Fact]
    public void Relu_and_tanh_are_elementwise()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.FromArray(new[] { -1f, 0f, 2f }, 3);
        Assert.Equal([0f, 0f, 2f], x.Relu().ToArray<float>());
        Near([(float)Math.Tanh(-1), 0f, (float)Math.Tanh(2)], x.Tanh().ToArray<float>());
    }

    [Fact]
    public void Replicate_padding_repeats_the_border_pixels()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.FromArray(new[] { 1f, 2f, 3f, 4f }, 1, 1, 2, 2);
        var y = x.PadReplicate(1, 1, 1, 1);
        Assert.Equal([1L, 1L, 4L, 4L], y.Shape);
        Assert.Equal([1f, 1f, 2f, 2f, 1f, 1f, 2f, 2f, 3f, 3f, 4f, 4f, 3f, 3f, 4f, 4f], y.ToArray<float>());
    }

    [Fact]
    public void Grid_sample_at_pixel_centres_returns_the_image_and_zeros_outside()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.FromArray(new[] { 1f, 2f, 3f, 4f }, 1, 1, 2, 2);
        // align_corners=False: pixel centres of a 2-wide image are at -0.5 and 0.5; (x, y) order in the last dim.
        var grid = Tensor.FromArray(new[] { -0.5f, -0.5f, 0.5f, -0.5f, -0.5f, 0.5f, 3f, 3f }, 1, 2, 2, 2);
        Assert.Equal([1f, 2f, 3f, 0f], x.GridSample(grid).ToArray<float>());
    }

    [Fact]
    public void Shape_operations_follow_pytorch()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.FromArray(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, 2, 3);
        Assert.Equal([1f, 4f, 2f, 5f, 3f, 6f], x.Transpose(0, 1).Contiguous().ToArray<float>());
        Assert.Equal([3L, 2L], x.Reshape(3, -1).Shape);
        Assert.Equal([1L, 2L, 3L], x.Unsqueeze(0).Shape);
        Assert.Equal([2f, 3f, 5f, 6f], x.Slice(1, 1, 3).Contiguous().ToArray<float>());
        Assert.Equal([2L, 6L], x.Repeat(1, 2).Shape);
        Assert.Equal([4L, 3L], Tensor.Cat([x, x], 0).Shape);
    }

    [Fact]
    public void Backward_fills_gradients_of_a_scalar()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.FromArray(new[] { 1f, -2f, 3f }, 3).RequiresGrad_();
        (x * x).Sum().Backward();
        Assert.Equal([2f, -4f, 6f], x.Grad!.ToArray<float>());
        x.ClearGrad();
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Backward_restricted_to_inputs_leaves_other_leaves_without_gradient()
    {
        using var scope = TensorScope.Begin();
        var a = Tensor.FromArray(new[] { 2f }, 1).RequiresGrad_();
        var b = Tensor.FromArray(new[] { 3f }, 1).RequiresGrad_();
        (a * b).Sum().Backward([a]);
        Assert.Equal([3f], a.Grad!.ToArray<float>());
        Assert.Null(b.Grad);
    }

    [Fact]
    public void No_grad_scope_records_no_history_and_restores_the_mode()
    {
        using var scope = TensorScope.Begin();
        var x = Tensor.FromArray(new[] { 1f }, 1).RequiresGrad_();
        using (Torch.NoGrad())
        {
            Assert.False((x * 2.0).RequiresGrad);
        }

        Assert.True(Torch.GradEnabled);
        Assert.True((x * 2.0).RequiresGrad);
        Assert.False((x * 2.0).Detach().RequiresGrad);
    }

    [Fact]
    public void Adam_first_step_moves_each_parameter_by_lr_against_the_gradient_sign()
    {
        using var scope = TensorScope.Begin();
        var p = Tensor.FromArray(new[] { 1f, 1f }, 2).RequiresGrad_();
        using var adam = new Adam([p], lr: 0.1);
        // grad = [2, -3]; first Adam step: m_hat / (sqrt(v_hat) + eps) = g / (|g| + eps) ~ sign(g).
        (p * Tensor.FromArray(new[] { 2f, -3f }, 2)).Sum().Backward();
        adam.Step();
        Near([0.9f, 1.1f], p.ToArray<float>(), 1e-6f);
        Assert.Equal(1, adam.StepCount);
        adam.ZeroGrad();
        Assert.Null(p.Grad);
        var (m, v) = adam.Moments(0);
        Near([0.2f, -0.3f], m.ToArray<float>(), 1e-6f);
        Near([0.004f, 0.009f], v.ToArray<float>(), 1e-7f);
    }

    [Fact]
    public void Adam_skips_parameters_without_gradient()
    {
        using var scope = TensorScope.Begin();
        var p = Tensor.FromArray(new[] { 1f }, 1).RequiresGrad_();
        using var adam = new Adam([p]);
        adam.Step();
        Assert.Equal([1f], p.ToArray<float>());
    }

    [Fact]
    public void Orthogonal_init_gives_orthonormal_rows_times_gain()
    {
        using var scope = TensorScope.Begin();
        var w = Tensor.Empty([4, 9]).Orthogonal_(2.0);
        var product = w.MatMul(w.Transpose(0, 1)).ToArray<float>();
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                Assert.True(Math.Abs(product[(i * 4) + j] - (i == j ? 4f : 0f)) < 1e-4f, $"({i},{j}) = {product[(i * 4) + j]}");
            }
        }
    }

    [Fact]
    public void Same_seed_gives_same_draws_and_saved_rng_state_replays_them()
    {
        using var scope = TensorScope.Begin();
        Torch.ManualSeed(7);
        var first = Tensor.RandN([5]).ToArray<float>();
        Torch.ManualSeed(7);
        Assert.Equal(first, Tensor.RandN([5]).ToArray<float>());
        var state = Torch.GetRngState();
        var next = Tensor.RandInt(0, 100, [5]).ToArray<long>();
        Torch.SetRngState(state);
        Assert.Equal(next, Tensor.RandInt(0, 100, [5]).ToArray<long>());
    }

    [Fact]
    public void Cuda_generator_state_replays_draws_on_a_gpu_and_is_refused_clearly_without_one()
    {
        using var scope = TensorScope.Begin();
        if (!TorchInfo.CudaAvailable)
        {
            var e = Assert.Throws<TorchException>(() => Torch.GetRngState(Device.Cuda()));
            Assert.Contains("CUDA", e.Message, StringComparison.Ordinal);
            return;
        }

        var state = Torch.GetRngState(Device.Cuda());
        var cpu = Torch.GetRngState();
        var next = Tensor.RandN([5], device: Device.Cuda()).ToArray<float>();
        Torch.SetRngState(state, Device.Cuda());
        Assert.Equal(next, Tensor.RandN([5], device: Device.Cuda()).ToArray<float>());
        Assert.Equal(cpu.ToArray<byte>(), Torch.GetRngState().ToArray<byte>());
    }

    [Fact]
    public void Soft_update_moves_targets_tau_of_the_way_to_sources()
    {
        using var scope = TensorScope.Begin();
        var source = Tensor.FromArray(new[] { 10f, 0f }, 2);
        var target = Tensor.FromArray(new[] { 0f, 10f }, 2);
        Tensor.SoftUpdate([source], [target], 0.1);
        Near([1f, 9f], target.ToArray<float>());
    }

    [Fact]
    public void All_finite_detects_nan_and_infinity()
    {
        using var scope = TensorScope.Begin();
        Assert.True(Tensor.FromArray(new[] { 1f, 2f }, 2).AllFinite());
        Assert.False(Tensor.FromArray(new[] { 1f, float.NaN }, 2).AllFinite());
        Assert.False(Tensor.FromArray(new[] { float.PositiveInfinity }, 1).AllFinite());
    }
}
