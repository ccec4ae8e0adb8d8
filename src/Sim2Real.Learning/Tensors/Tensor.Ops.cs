using static Sim2Real.Learning.Interop.TorchNative;

namespace Sim2Real.Learning.Tensors;

/// <summary>Arithmetic, shape and network operations; each records autograd history when grad mode is on.</summary>
public sealed partial class Tensor
{
    public Tensor Clone() => Wrap(s2r_t_clone(Handle, out var h), h);

    public Tensor Detach() => Wrap(s2r_t_detach(Handle, out var h), h);

    public Tensor Contiguous() => Wrap(s2r_t_contiguous(Handle, out var h), h);

    public Tensor Neg() => Wrap(s2r_t_neg(Handle, out var h), h);

    public Tensor Relu() => Wrap(s2r_t_relu(Handle, out var h), h);

    public Tensor Tanh() => Wrap(s2r_t_tanh(Handle, out var h), h);

    public Tensor Exp() => Wrap(s2r_t_exp(Handle, out var h), h);

    public Tensor Log() => Wrap(s2r_t_log(Handle, out var h), h);

    public Tensor Sqrt() => Wrap(s2r_t_sqrt(Handle, out var h), h);

    public Tensor Square() => Wrap(s2r_t_square(Handle, out var h), h);

    public Tensor Abs() => Wrap(s2r_t_abs(Handle, out var h), h);

    public Tensor Sum() => Wrap(s2r_t_sum(Handle, out var h), h);

    public Tensor Mean() => Wrap(s2r_t_mean(Handle, out var h), h);

    public Tensor OnesLike() => Wrap(s2r_t_ones_like(Handle, out var h), h);

    public Tensor ZerosLike() => Wrap(s2r_t_zeros_like(Handle, out var h), h);

    /// <summary>True when no element is NaN or infinite.</summary>
    public bool AllFinite()
    {
        using var t = Wrap(s2r_t_isfinite_all(Handle, out var h), h).Unscoped();
        return t.Item() != 0;
    }

    public Tensor Add(Tensor other) => Wrap(s2r_t_add(Handle, other.Handle, out var h), h);

    public Tensor Sub(Tensor other) => Wrap(s2r_t_sub(Handle, other.Handle, out var h), h);

    public Tensor Mul(Tensor other) => Wrap(s2r_t_mul(Handle, other.Handle, out var h), h);

    public Tensor Div(Tensor other) => Wrap(s2r_t_div(Handle, other.Handle, out var h), h);

    public Tensor Minimum(Tensor other) => Wrap(s2r_t_minimum(Handle, other.Handle, out var h), h);

    public Tensor Maximum(Tensor other) => Wrap(s2r_t_maximum(Handle, other.Handle, out var h), h);

    public Tensor MatMul(Tensor other) => Wrap(s2r_t_matmul(Handle, other.Handle, out var h), h);

    /// <summary>Mean squared error against <paramref name="target"/> (F.mse_loss, reduction mean).</summary>
    public Tensor MseLoss(Tensor target) => Wrap(s2r_t_mse_loss(Handle, target.Handle, out var h), h);

    /// <summary>F.grid_sample with bilinear interpolation, zeros padding, align_corners=False; grid is [N,H,W,2].</summary>
    public Tensor GridSample(Tensor grid) => Wrap(s2r_t_grid_sample(Handle, grid.Handle, out var h), h);

    public Tensor Add(double s) => Wrap(s2r_t_add_scalar(Handle, s, out var h), h);

    public Tensor Mul(double s) => Wrap(s2r_t_mul_scalar(Handle, s, out var h), h);

    public Tensor Div(double s) => Wrap(s2r_t_div_scalar(Handle, s, out var h), h);

    public Tensor Pow(double exponent) => Wrap(s2r_t_pow_scalar(Handle, exponent, out var h), h);

    public Tensor Sum(long dim, bool keepDim = false) => Wrap(s2r_t_sum_dim(Handle, dim, keepDim ? 1 : 0, out var h), h);

    public Tensor Mean(long dim, bool keepDim = false) => Wrap(s2r_t_mean_dim(Handle, dim, keepDim ? 1 : 0, out var h), h);

    public Tensor AMin(long dim, bool keepDim = false) => Wrap(s2r_t_amin(Handle, dim, keepDim ? 1 : 0, out var h), h);

    public Tensor AMax(long dim, bool keepDim = false) => Wrap(s2r_t_amax(Handle, dim, keepDim ? 1 : 0, out var h), h);

    public Tensor Clamp(double low, double high) => Wrap(s2r_t_clamp(Handle, low, high, out var h), h);

    /// <summary>x W^T + b (F.linear).</summary>
    public Tensor Linear(Tensor weight, Tensor? bias)
    {
        var t = Wrap(s2r_t_linear(Handle, weight.Handle, Raw(bias), out var h), h);
        GC.KeepAlive(bias);
        return t;
    }

    /// <summary>F.conv2d on NCHW with square stride and zero padding.</summary>
    public Tensor Conv2d(Tensor weight, Tensor? bias, long stride = 1, long padding = 0)
    {
        var t = Wrap(s2r_t_conv2d(Handle, weight.Handle, Raw(bias), stride, padding, out var h), h);
        GC.KeepAlive(bias);
        return t;
    }

    /// <summary>F.layer_norm over the last dimension.</summary>
    public Tensor LayerNorm(Tensor? weight, Tensor? bias, double eps = 1e-5)
    {
        var t = Wrap(s2r_t_layer_norm(Handle, Raw(weight), Raw(bias), eps, out var h), h);
        GC.KeepAlive(weight);
        GC.KeepAlive(bias);
        return t;
    }

    /// <summary>F.pad(x, (left, right, top, bottom), 'replicate') on NCHW.</summary>
    public Tensor PadReplicate(long left, long right, long top, long bottom) =>
        Wrap(s2r_t_pad_replicate(Handle, left, right, top, bottom, out var h), h);

    public unsafe Tensor Reshape(params long[] shape)
    {
        fixed (long* s = shape)
        {
            return Wrap(s2r_t_reshape(Handle, s, shape.Length, out var h), h);
        }
    }

    /// <summary>[B, ...] to [B, rest] (h.view(h.shape[0], -1)).</summary>
    public Tensor Flatten1() => Reshape(Size(0), -1);

    public unsafe Tensor Repeat(params long[] repeats)
    {
        fixed (long* s = repeats)
        {
            return Wrap(s2r_t_repeat(Handle, s, repeats.Length, out var h), h);
        }
    }

    public Tensor Transpose(long dim0, long dim1) => Wrap(s2r_t_transpose(Handle, dim0, dim1, out var h), h);

    public Tensor Unsqueeze(long dim) => Wrap(s2r_t_unsqueeze(Handle, dim, out var h), h);

    public Tensor Squeeze(long dim) => Wrap(s2r_t_squeeze(Handle, dim, out var h), h);

    /// <summary>x[start:end:step] along <paramref name="dim"/>.</summary>
    public Tensor Slice(long dim, long start, long end, long step = 1) =>
        Wrap(s2r_t_slice(Handle, dim, start, end, step, out var h), h);

    public static Tensor operator +(Tensor a, Tensor b) => a.Add(b);

    public static Tensor operator -(Tensor a, Tensor b) => a.Sub(b);

    public static Tensor operator *(Tensor a, Tensor b) => a.Mul(b);

    public static Tensor operator /(Tensor a, Tensor b) => a.Div(b);

    public static Tensor operator -(Tensor a) => a.Neg();

    public static Tensor operator +(Tensor a, double s) => a.Add(s);

    public static Tensor operator -(Tensor a, double s) => a.Add(-s);

    public static Tensor operator *(Tensor a, double s) => a.Mul(s);

    public static Tensor operator *(double s, Tensor a) => a.Mul(s);

    public static Tensor operator /(Tensor a, double s) => a.Div(s);

    public static Tensor operator -(double s, Tensor a) => Wrap(s2r_t_rsub_scalar(a.Handle, s, out var h), h);

    private static IntPtr Raw(Tensor? t)
    {
        if (t is null)
        {
            return IntPtr.Zero;
        }

        ObjectDisposedException.ThrowIf(t.IsDisposed, t);
        return t.Handle.DangerousGetHandle();
    }
}
