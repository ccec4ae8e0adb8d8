using static Sim2Real.Learning.Interop.TorchNative;

namespace Sim2Real.Learning.Tensors;

/// <summary>Memory layout and compute precision (s2r_torch_layout.cpp); the ops record autograd history when grad mode is on.</summary>
public sealed partial class Tensor
{
    /// <summary>The same values laid out in <paramref name="format"/> (x.contiguous(memory_format=...)).</summary>
    public Tensor ToMemoryFormat(MemoryFormat format) => WrapLayout(s2r_t_contiguous_as(Handle, (int)format, out var h), h);

    public bool IsContiguousIn(MemoryFormat format)
    {
        CheckLayout(s2r_t_is_contiguous_as(Handle, (int)format, out var result));
        return result != 0;
    }

    /// <summary>fp32 or bf16; null for any other element type (this tensor's <see cref="DType"/> then says which).</summary>
    public Precision? FloatPrecision
    {
        get
        {
            CheckLayout(s2r_t_precision_of(Handle, out var code));
            return code switch
            {
                0 => Precision.Fp32,
                1 => Precision.Bf16,
                _ => null,
            };
        }
    }

    /// <summary>The reference encoder's input, obs / 255 - 0.5 (in fp32), written once in <paramref name="format"/>, then in <paramref name="precision"/>.</summary>
    public Tensor ScalePixels(MemoryFormat format, Precision precision) =>
        WrapLayout(s2r_t_scale_pixels(Handle, (int)format, (int)precision, out var h), h);

    /// <summary>F.pad(x.float(), (pad, pad, pad, pad), 'replicate') on NCHW uint8 or float pixels, in one pass.</summary>
    public Tensor PadReplicateToFloat(long pad) => WrapLayout(s2r_t_pad_replicate_float(Handle, pad, out var h), h);

    /// <summary>
    /// F.conv2d on NCHW-shaped input (either layout) with square stride and zero padding, in <paramref name="precision"/>:
    /// bf16 casts input, weight and bias to bf16 as autocast does (the fp32 weights get fp32 gradients).
    /// </summary>
    public Tensor Conv2d(Tensor weight, Tensor? bias, long stride, long padding, Precision precision)
    {
        var t = WrapLayout(s2r_t_conv2d_in(Handle, weight.Handle, Raw(bias), stride, padding, (int)precision, out var h), h);
        GC.KeepAlive(bias);
        return t;
    }

    private static Tensor WrapLayout(int rc, TensorHandle handle)
    {
        if (rc != 0)
        {
            handle.Dispose();
            CheckLayout(rc);
        }

        return new Tensor(handle);
    }
}
