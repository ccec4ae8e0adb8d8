using static Sim2Real.Learning.Interop.TorchNative;

namespace Sim2Real.Learning.Tensors;

/// <summary>The operations RMA's modules add (s2r_torch_rma.cpp); each records autograd history when grad mode is on.</summary>
public sealed partial class Tensor
{
    /// <summary>F.conv1d on [N, C, L] with zero padding; weight [out, in, kernel], bias [out].</summary>
    public Tensor Conv1d(Tensor weight, Tensor? bias, long stride = 1, long padding = 0)
    {
        var t = WrapRma(s2r_t_conv1d(Handle, weight.Handle, Raw(bias), stride, padding, out var h), h);
        GC.KeepAlive(bias);
        return t;
    }

    /// <summary>F.elu: x where x &gt; 0, alpha * (exp(x) - 1) elsewhere.</summary>
    public Tensor Elu(double alpha = 1.0) => WrapRma(s2r_t_elu(Handle, alpha, out var h), h);

    private static Tensor WrapRma(int rc, TensorHandle handle)
    {
        if (rc != 0)
        {
            handle.Dispose();
            CheckRma(rc);
        }

        return new Tensor(handle);
    }
}
