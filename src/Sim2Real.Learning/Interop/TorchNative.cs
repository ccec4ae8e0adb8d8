using System.Runtime.InteropServices;
using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Interop;

/// <summary>P/Invoke declarations for the project's libtorch layer (src/native/torch/s2r_torch.cpp).</summary>
/// <remarks>Calls that return int return 0 or -1; <see cref="Check"/> turns -1 into a <see cref="TorchException"/>.</remarks>
internal static partial class TorchNative
{
    private const string Lib = "s2r_torch";

    internal static void Check(int rc)
    {
        if (rc != 0)
        {
            throw new TorchException(Utf8(s2r_last_error()));
        }
    }

    internal static string Utf8(IntPtr p) => Marshal.PtrToStringUTF8(p) ?? "";

    [LibraryImport(Lib)] internal static partial IntPtr s2r_last_error();
    [LibraryImport(Lib)] internal static partial IntPtr s2r_torch_version();
    [LibraryImport(Lib)] internal static partial int s2r_torch_get_num_threads();
    [LibraryImport(Lib)] internal static partial void s2r_torch_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int s2r_torch_cuda_is_available();
    [LibraryImport(Lib)] internal static partial int s2r_torch_cuda_device_count();
    [LibraryImport(Lib)] internal static partial IntPtr s2r_torch_blas_library();

    [LibraryImport(Lib)] internal static partial int s2r_manual_seed(ulong seed);
    [LibraryImport(Lib)] internal static partial int s2r_rng_get_state(int devType, int devIndex, out TensorHandle state);
    [LibraryImport(Lib)] internal static partial int s2r_rng_set_state(int devType, int devIndex, TensorHandle state);
    [LibraryImport(Lib)] internal static partial int s2r_grad_enabled();
    [LibraryImport(Lib)] internal static partial void s2r_set_grad_enabled(int enabled);

    [LibraryImport(Lib)] internal static partial void s2r_t_free(IntPtr handle);
    [LibraryImport(Lib)] internal static unsafe partial int s2r_t_from_host(void* data, int dtype, long* shape, int ndim, int devType, int devIndex, out TensorHandle result);
    [LibraryImport(Lib)] internal static unsafe partial int s2r_t_to_host(TensorHandle t, void* data, long nbytes);
    [LibraryImport(Lib)] internal static unsafe partial int s2r_t_info(TensorHandle t, out int dtype, out int ndim, long* shape, out int devType, out int devIndex, out int requiresGrad);
    [LibraryImport(Lib)] internal static partial int s2r_t_item(TensorHandle t, out double value);
    [LibraryImport(Lib)] internal static unsafe partial int s2r_t_full(long* shape, int ndim, double value, int dtype, int devType, int devIndex, out TensorHandle result);
    [LibraryImport(Lib)] internal static unsafe partial int s2r_t_empty(long* shape, int ndim, int dtype, int devType, int devIndex, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_linspace(double start, double end, long steps, int dtype, int devType, int devIndex, out TensorHandle result);
    [LibraryImport(Lib)] internal static unsafe partial int s2r_t_randint(long low, long high, long* shape, int ndim, int dtype, int devType, int devIndex, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_normal_(TensorHandle t, double mean, double std);
    [LibraryImport(Lib)] internal static partial int s2r_t_uniform_(TensorHandle t, double low, double high);
    [LibraryImport(Lib)] internal static partial int s2r_t_fill_(TensorHandle t, double value);
    [LibraryImport(Lib)] internal static partial int s2r_t_copy_(TensorHandle dst, TensorHandle src);
    [LibraryImport(Lib)] internal static partial int s2r_t_orthogonal_(TensorHandle t, double gain);
    [LibraryImport(Lib)] internal static partial int s2r_t_to(TensorHandle t, int dtype, int devType, int devIndex, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_move_(TensorHandle t, int devType, int devIndex);

    [LibraryImport(Lib)] internal static partial int s2r_t_clone(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_detach(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_contiguous(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_neg(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_relu(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_tanh(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_exp(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_log(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_sqrt(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_square(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_abs(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_sum(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_mean(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_ones_like(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_zeros_like(TensorHandle a, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_isfinite_all(TensorHandle a, out TensorHandle result);

    [LibraryImport(Lib)] internal static partial int s2r_t_add(TensorHandle a, TensorHandle b, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_sub(TensorHandle a, TensorHandle b, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_mul(TensorHandle a, TensorHandle b, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_div(TensorHandle a, TensorHandle b, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_minimum(TensorHandle a, TensorHandle b, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_maximum(TensorHandle a, TensorHandle b, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_matmul(TensorHandle a, TensorHandle b, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_mse_loss(TensorHandle a, TensorHandle b, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_grid_sample(TensorHandle a, TensorHandle b, out TensorHandle result);

    [LibraryImport(Lib)] internal static partial int s2r_t_add_scalar(TensorHandle a, double s, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_mul_scalar(TensorHandle a, double s, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_div_scalar(TensorHandle a, double s, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_rsub_scalar(TensorHandle a, double s, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_pow_scalar(TensorHandle a, double s, out TensorHandle result);

    [LibraryImport(Lib)] internal static partial int s2r_t_sum_dim(TensorHandle a, long dim, int keepdim, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_mean_dim(TensorHandle a, long dim, int keepdim, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_amin(TensorHandle a, long dim, int keepdim, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_amax(TensorHandle a, long dim, int keepdim, out TensorHandle result);

    [LibraryImport(Lib)] internal static partial int s2r_t_clamp(TensorHandle a, double low, double high, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_linear(TensorHandle x, TensorHandle w, IntPtr b, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_conv2d(TensorHandle x, TensorHandle w, IntPtr b, long stride, long padding, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_layer_norm(TensorHandle x, IntPtr w, IntPtr b, double eps, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_pad_replicate(TensorHandle x, long left, long right, long top, long bottom, out TensorHandle result);
    [LibraryImport(Lib)] internal static unsafe partial int s2r_t_reshape(TensorHandle a, long* shape, int ndim, out TensorHandle result);
    [LibraryImport(Lib)] internal static unsafe partial int s2r_t_repeat(TensorHandle a, long* reps, int ndim, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_transpose(TensorHandle a, long d0, long d1, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_unsqueeze(TensorHandle a, long dim, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_squeeze(TensorHandle a, long dim, out TensorHandle result);
    [LibraryImport(Lib)] internal static partial int s2r_t_slice(TensorHandle a, long dim, long start, long end, long step, out TensorHandle result);
    [LibraryImport(Lib)] internal static unsafe partial int s2r_t_cat(IntPtr* items, int n, long dim, out TensorHandle result);

    [LibraryImport(Lib)] internal static partial int s2r_t_set_requires_grad(TensorHandle t, int flag);
    [LibraryImport(Lib)] internal static partial int s2r_t_grad(TensorHandle t, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int s2r_t_clear_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static unsafe partial int s2r_t_backward(TensorHandle loss, IntPtr* inputs, int n);
    [LibraryImport(Lib)] internal static unsafe partial int s2r_soft_update(IntPtr* sources, IntPtr* targets, int n, double tau);

    [LibraryImport(Lib)] internal static unsafe partial int s2r_adam_new(IntPtr* parameters, int n, double lr, double beta1, double beta2, double eps, double weightDecay, out AdamHandle result);
    [LibraryImport(Lib)] internal static partial void s2r_adam_free(IntPtr handle);
    [LibraryImport(Lib)] internal static partial int s2r_adam_zero_grad(AdamHandle adam);
    [LibraryImport(Lib)] internal static partial int s2r_adam_step(AdamHandle adam);
    [LibraryImport(Lib)] internal static partial int s2r_adam_get_step(AdamHandle adam, out long step);
    [LibraryImport(Lib)] internal static partial int s2r_adam_set_step(AdamHandle adam, long step);
    [LibraryImport(Lib)] internal static partial int s2r_adam_moments(AdamHandle adam, int index, out TensorHandle expAvg, out TensorHandle expAvgSq);
}
