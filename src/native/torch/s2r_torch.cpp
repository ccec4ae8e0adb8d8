// extern "C" layer over libtorch. Networks are composed in C#; this file exposes tensor-level operations only.
// Errors never cross the C boundary as exceptions: each call returns 0 or -1 and s2r_last_error() holds the text.
// A tensor handle is a heap-allocated torch::Tensor (a reference-counted pointer to the storage); s2r_t_free
// releases the handle. Ops that produce a tensor write a new handle to *out.
#include <torch/torch.h>
#include <dlfcn.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "s2r_torch_boundary.h"

namespace {

Handle wrap(torch::Tensor t) { return new torch::Tensor(std::move(t)); }

// The codes C# uses (Sim2Real.Learning.Tensors.DType).
torch::ScalarType dtype_of(int code) {
  switch (code) {
    case 0: return torch::kFloat32;
    case 1: return torch::kUInt8;
    case 2: return torch::kInt64;
    case 3: return torch::kFloat64;
    case 4: return torch::kBool;
    default: throw std::invalid_argument("unknown dtype code " + std::to_string(code));
  }
}

int code_of(torch::ScalarType t) {
  switch (t) {
    case torch::kFloat32: return 0;
    case torch::kUInt8: return 1;
    case torch::kInt64: return 2;
    case torch::kFloat64: return 3;
    case torch::kBool: return 4;
    default: return -1;
  }
}

torch::Device device_of(int type, int index) {
  if (type == 0) return torch::Device(torch::kCPU);
  if (type == 1) return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
  throw std::invalid_argument("unknown device type " + std::to_string(type));
}

torch::TensorOptions options(int dtype, int dev_type, int dev_index) {
  return torch::TensorOptions().dtype(dtype_of(dtype)).device(device_of(dev_type, dev_index));
}

std::vector<int64_t> dims(const int64_t* shape, int ndim) { return std::vector<int64_t>(shape, shape + ndim); }

std::vector<torch::Tensor> list(Handle* hs, int n) {
  std::vector<torch::Tensor> v;
  v.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) v.push_back(T(hs[i]));
  return v;
}

// Adam exactly as torch.optim.Adam (1.13, single-tensor path, no weight decay unless given, amsgrad off).
// Kept here rather than torch::optim::Adam so that its state is plain tensors C# can checkpoint, and so that
// zero_grad releases gradients (Python's set_to_none) instead of zeroing them.
struct Adam {
  std::vector<torch::Tensor> params, exp_avg, exp_avg_sq;
  int64_t step = 0;
  double lr, beta1, beta2, eps, weight_decay;
};

Adam& A(Handle h) {
  if (h == nullptr) throw std::invalid_argument("null optimizer handle");
  return *static_cast<Adam*>(h);
}
}  // namespace

#define S2R_UNARY(name, expr)                                           \
  int s2r_t_##name(Handle a, Handle* out) {                             \
    return guarded([&] { const auto& x = T(a); *out = wrap(expr); }); \
  }

#define S2R_BINARY(name, expr)                                                                     \
  int s2r_t_##name(Handle a, Handle b, Handle* out) {                                              \
    return guarded([&] { const auto& x = T(a); const auto& y = T(b); *out = wrap(expr); });       \
  }

#define S2R_SCALAR(name, expr)                                          \
  int s2r_t_##name(Handle a, double s, Handle* out) {                   \
    return guarded([&] { const auto& x = T(a); *out = wrap(expr); }); \
  }

#define S2R_DIM(name, expr)                                                          \
  int s2r_t_##name(Handle a, int64_t dim, int keepdim, Handle* out) {                \
    return guarded([&] { const auto& x = T(a); bool k = keepdim != 0; *out = wrap(expr); }); \
  }

extern "C" {

const char* s2r_last_error() { return g_last_error.c_str(); }

const char* s2r_torch_version() { return TORCH_VERSION; }

int s2r_torch_get_num_threads() { return at::get_num_threads(); }

void s2r_torch_set_num_threads(int n) { at::set_num_threads(n); }

int s2r_torch_cuda_is_available() { return torch::cuda::is_available() ? 1 : 0; }

int s2r_torch_cuda_device_count() { return static_cast<int>(torch::cuda::device_count()); }

// The file that provides sgemm_ in this process: Debian routes libblas.so.3 through alternatives, so the
// library actually bound (OpenBLAS or the netlib reference) is only known at run time.
const char* s2r_torch_blas_library() {
  static std::string path;
  void* sym = dlsym(RTLD_DEFAULT, "sgemm_");
  Dl_info info;
  if (sym != nullptr && dladdr(sym, &info) != 0 && info.dli_fname != nullptr) {
    // libblas.so.3 is an alternatives symlink; its target says which BLAS it is.
    char* real = realpath(info.dli_fname, nullptr);
    path = real != nullptr ? real : info.dli_fname;
    free(real);
  } else {
    path = "unknown (sgemm_ not bound)";
  }
  return path.c_str();
}

// ---- random state ----

int s2r_manual_seed(uint64_t seed) {
  return guarded([&] {
    torch::manual_seed(seed);  // also seeds every CUDA generator when CUDA is present
  });
}

// A device's default generator state (a uint8 tensor), for checkpoints that resume exactly. The CPU generator
// drives CPU sampling; on a GPU, sampling on the device (dropout, noise, augmentation) draws from the CUDA one, so
// a checkpoint needs both. A CPU-only libtorch throws for a CUDA device, which guarded() turns into an error.
int s2r_rng_get_state(int dev_type, int dev_index, Handle* out) {
  return guarded([&] {
    auto gen = at::globalContext().defaultGenerator(device_of(dev_type, dev_index));
    std::lock_guard<std::mutex> lock(gen.mutex());
    *out = wrap(gen.get_state());
  });
}

int s2r_rng_set_state(int dev_type, int dev_index, Handle state) {
  return guarded([&] {
    auto gen = at::globalContext().defaultGenerator(device_of(dev_type, dev_index));
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(T(state));
  });
}

// ---- autograd mode ----

int s2r_grad_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }

void s2r_set_grad_enabled(int enabled) { at::GradMode::set_enabled(enabled != 0); }

// ---- lifetime, creation, host transfer ----

void s2r_t_free(Handle h) { delete static_cast<torch::Tensor*>(h); }

int s2r_t_from_host(const void* data, int dtype, const int64_t* shape, int ndim, int dev_type, int dev_index,
                    Handle* out) {
  return guarded([&] {
    auto view = torch::from_blob(const_cast<void*>(data), dims(shape, ndim), torch::TensorOptions().dtype(dtype_of(dtype)));
    auto dev = device_of(dev_type, dev_index);
    *out = wrap(dev.is_cpu() ? view.clone() : view.to(dev));
  });
}

int s2r_t_to_host(Handle h, void* data, int64_t nbytes) {
  return guarded([&] {
    auto c = T(h).detach().to(torch::kCPU).contiguous();
    if (static_cast<int64_t>(c.nbytes()) != nbytes)
      throw std::invalid_argument("host buffer holds " + std::to_string(nbytes) + " bytes, tensor needs " +
                                  std::to_string(c.nbytes()));
    std::memcpy(data, c.data_ptr(), c.nbytes());
  });
}

// Shape, dtype, device and grad flag in one call; shape holds up to 8 dims.
int s2r_t_info(Handle h, int* dtype, int* ndim, int64_t* shape, int* dev_type, int* dev_index, int* requires_grad) {
  return guarded([&] {
    const auto& t = T(h);
    if (!t.defined()) throw std::invalid_argument("undefined tensor");
    if (t.dim() > 8) throw std::invalid_argument("tensors of more than 8 dims are not supported");
    *dtype = code_of(t.scalar_type());
    *ndim = static_cast<int>(t.dim());
    for (int64_t i = 0; i < t.dim(); ++i) shape[i] = t.size(i);
    *dev_type = t.device().is_cuda() ? 1 : 0;
    *dev_index = t.device().has_index() ? t.device().index() : 0;
    *requires_grad = t.requires_grad() ? 1 : 0;
  });
}

int s2r_t_item(Handle h, double* value) {
  return guarded([&] { *value = T(h).item<double>(); });
}

int s2r_t_full(const int64_t* shape, int ndim, double value, int dtype, int dev_type, int dev_index, Handle* out) {
  return guarded([&] { *out = wrap(torch::full(dims(shape, ndim), value, options(dtype, dev_type, dev_index))); });
}

int s2r_t_empty(const int64_t* shape, int ndim, int dtype, int dev_type, int dev_index, Handle* out) {
  return guarded([&] { *out = wrap(torch::empty(dims(shape, ndim), options(dtype, dev_type, dev_index))); });
}

int s2r_t_linspace(double start, double end, int64_t steps, int dtype, int dev_type, int dev_index, Handle* out) {
  return guarded([&] { *out = wrap(torch::linspace(start, end, steps, options(dtype, dev_type, dev_index))); });
}

int s2r_t_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, int dtype, int dev_type, int dev_index,
                  Handle* out) {
  return guarded(
      [&] { *out = wrap(torch::randint(low, high, dims(shape, ndim), options(dtype, dev_type, dev_index))); });
}

int s2r_t_normal_(Handle h, double mean, double std) {
  return guarded([&] { torch::NoGradGuard g; T(h).normal_(mean, std); });
}

int s2r_t_uniform_(Handle h, double low, double high) {
  return guarded([&] { torch::NoGradGuard g; T(h).uniform_(low, high); });
}

int s2r_t_fill_(Handle h, double value) {
  return guarded([&] { torch::NoGradGuard g; T(h).fill_(value); });
}

int s2r_t_copy_(Handle dst, Handle src) {
  return guarded([&] { torch::NoGradGuard g; T(dst).copy_(T(src)); });
}

// nn.init.orthogonal_ (QR of a normal matrix with the sign fix), then scaled by gain.
int s2r_t_orthogonal_(Handle h, double gain) {
  return guarded([&] { torch::NoGradGuard g; torch::nn::init::orthogonal_(T(h), gain); });
}

int s2r_t_to(Handle h, int dtype, int dev_type, int dev_index, Handle* out) {
  return guarded([&] {
    const auto& t = T(h);
    auto type = dtype < 0 ? t.scalar_type() : dtype_of(dtype);
    *out = wrap(t.to(device_of(dev_type, dev_index), type));
  });
}

// Moves a leaf (a parameter) to a device in place: every holder of the handle sees the moved tensor.
int s2r_t_move_(Handle h, int dev_type, int dev_index) {
  return guarded([&] {
    auto& t = T(h);
    bool grad = t.requires_grad();
    auto moved = t.detach().to(device_of(dev_type, dev_index));
    t = grad ? moved.requires_grad_(true) : moved;
  });
}

S2R_UNARY(clone, x.clone())
S2R_UNARY(detach, x.detach())
S2R_UNARY(contiguous, x.contiguous())
S2R_UNARY(neg, -x)
S2R_UNARY(relu, torch::relu(x))
S2R_UNARY(tanh, torch::tanh(x))
S2R_UNARY(exp, torch::exp(x))
S2R_UNARY(log, torch::log(x))
S2R_UNARY(sqrt, torch::sqrt(x))
S2R_UNARY(square, torch::square(x))
S2R_UNARY(abs, torch::abs(x))
S2R_UNARY(sum, x.sum())
S2R_UNARY(mean, x.mean())
S2R_UNARY(ones_like, torch::ones_like(x))
S2R_UNARY(zeros_like, torch::zeros_like(x))
S2R_UNARY(isfinite_all, torch::isfinite(x).all())

S2R_BINARY(add, x + y)
S2R_BINARY(sub, x - y)
S2R_BINARY(mul, x* y)
S2R_BINARY(div, x / y)
S2R_BINARY(minimum, torch::minimum(x, y))
S2R_BINARY(maximum, torch::maximum(x, y))
S2R_BINARY(matmul, torch::matmul(x, y))
S2R_BINARY(mse_loss, torch::mse_loss(x, y))
S2R_BINARY(grid_sample, torch::grid_sampler(x, y, /*bilinear*/ 0, /*zeros*/ 0, /*align_corners*/ false))

S2R_SCALAR(add_scalar, x + s)
S2R_SCALAR(mul_scalar, x* s)
S2R_SCALAR(div_scalar, x / s)
S2R_SCALAR(rsub_scalar, s - x)
S2R_SCALAR(pow_scalar, torch::pow(x, s))

S2R_DIM(sum_dim, x.sum(dim, k))
S2R_DIM(mean_dim, x.mean(dim, k))
S2R_DIM(amin, x.amin(dim, k))
S2R_DIM(amax, x.amax(dim, k))

int s2r_t_clamp(Handle a, double low, double high, Handle* out) {
  return guarded([&] { *out = wrap(torch::clamp(T(a), low, high)); });
}

int s2r_t_linear(Handle x, Handle w, Handle b, Handle* out) {
  return guarded([&] {
    *out = wrap(b == nullptr ? torch::linear(T(x), T(w)) : torch::linear(T(x), T(w), T(b)));
  });
}

int s2r_t_conv2d(Handle x, Handle w, Handle b, int64_t stride, int64_t padding, Handle* out) {
  return guarded([&] {
    c10::optional<torch::Tensor> bias;
    if (b != nullptr) bias = T(b);
    *out = wrap(torch::conv2d(T(x), T(w), bias, {stride, stride}, {padding, padding}));
  });
}

// Normalizes over the last dimension (nn.LayerNorm(features)).
int s2r_t_layer_norm(Handle x, Handle w, Handle b, double eps, Handle* out) {
  return guarded([&] {
    const auto& t = T(x);
    c10::optional<torch::Tensor> weight, bias;
    if (w != nullptr) weight = T(w);
    if (b != nullptr) bias = T(b);
    *out = wrap(torch::layer_norm(t, {t.size(-1)}, weight, bias, eps));
  });
}

// F.pad(x, (left, right, top, bottom), 'replicate') on NCHW.
int s2r_t_pad_replicate(Handle x, int64_t left, int64_t right, int64_t top, int64_t bottom, Handle* out) {
  return guarded([&] { *out = wrap(torch::replication_pad2d(T(x), {left, right, top, bottom})); });
}

int s2r_t_reshape(Handle a, const int64_t* shape, int ndim, Handle* out) {
  return guarded([&] { *out = wrap(T(a).reshape(dims(shape, ndim))); });
}

int s2r_t_repeat(Handle a, const int64_t* reps, int ndim, Handle* out) {
  return guarded([&] { *out = wrap(T(a).repeat(dims(reps, ndim))); });
}

int s2r_t_transpose(Handle a, int64_t d0, int64_t d1, Handle* out) {
  return guarded([&] { *out = wrap(T(a).transpose(d0, d1)); });
}

int s2r_t_unsqueeze(Handle a, int64_t dim, Handle* out) {
  return guarded([&] { *out = wrap(T(a).unsqueeze(dim)); });
}

int s2r_t_squeeze(Handle a, int64_t dim, Handle* out) {
  return guarded([&] { *out = wrap(T(a).squeeze(dim)); });
}

int s2r_t_slice(Handle a, int64_t dim, int64_t start, int64_t end, int64_t step, Handle* out) {
  return guarded([&] { *out = wrap(T(a).slice(dim, start, end, step)); });
}

int s2r_t_cat(Handle* items, int n, int64_t dim, Handle* out) {
  return guarded([&] { *out = wrap(torch::cat(list(items, n), dim)); });
}

// ---- autograd ----

int s2r_t_set_requires_grad(Handle h, int flag) {
  return guarded([&] { T(h).requires_grad_(flag != 0); });
}

// *out is null when the tensor has no gradient.
int s2r_t_grad(Handle h, Handle* out) {
  return guarded([&] {
    const auto& g = T(h).grad();
    *out = g.defined() ? wrap(g) : nullptr;
  });
}

// Releases the gradient (Python's zero_grad(set_to_none=True)).
int s2r_t_clear_grad(Handle h) {
  return guarded([&] { T(h).mutable_grad().reset(); });
}

// Gradients of a scalar; with n > 0 they accumulate only into the given leaves (torch.autograd.backward(inputs=)).
int s2r_t_backward(Handle loss, Handle* inputs, int n) {
  return guarded([&] {
    if (n > 0) {
      auto leaves = list(inputs, n);
      T(loss).backward({}, c10::nullopt, false, torch::TensorList(leaves));
    } else {
      T(loss).backward();
    }
  });
}

// target = tau * source + (1 - tau) * target, element for element as the reference's soft_update_params.
int s2r_soft_update(Handle* sources, Handle* targets, int n, double tau) {
  return guarded([&] {
    torch::NoGradGuard g;
    for (int i = 0; i < n; ++i) {
      auto& target = T(targets[i]);
      target.copy_(tau * T(sources[i]) + (1.0 - tau) * target);
    }
  });
}

// ---- Adam ----

int s2r_adam_new(Handle* params, int n, double lr, double beta1, double beta2, double eps, double weight_decay,
                 Handle* out) {
  return guarded([&] {
    auto adam = std::make_unique<Adam>();
    adam->params = list(params, n);
    for (const auto& p : adam->params) {
      adam->exp_avg.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
      adam->exp_avg_sq.push_back(torch::zeros_like(p, torch::MemoryFormat::Preserve));
    }
    adam->lr = lr;
    adam->beta1 = beta1;
    adam->beta2 = beta2;
    adam->eps = eps;
    adam->weight_decay = weight_decay;
    *out = adam.release();
  });
}

void s2r_adam_free(Handle h) { delete static_cast<Adam*>(h); }

int s2r_adam_zero_grad(Handle h) {
  return guarded([&] {
    for (auto& p : A(h).params) p.mutable_grad().reset();
  });
}

int s2r_adam_step(Handle h) {
  return guarded([&] {
    torch::NoGradGuard g;
    auto& a = A(h);
    a.step += 1;
    const double bias_correction1 = 1.0 - std::pow(a.beta1, static_cast<double>(a.step));
    const double bias_correction2 = 1.0 - std::pow(a.beta2, static_cast<double>(a.step));
    const double step_size = a.lr / bias_correction1;
    const double bias_correction2_sqrt = std::sqrt(bias_correction2);
    for (size_t i = 0; i < a.params.size(); ++i) {
      auto& p = a.params[i];
      if (!p.grad().defined()) continue;  // as Python: parameters without a gradient are skipped
      auto grad = p.grad();
      if (a.weight_decay != 0) grad = grad.add(p, a.weight_decay);
      a.exp_avg[i].mul_(a.beta1).add_(grad, 1 - a.beta1);
      a.exp_avg_sq[i].mul_(a.beta2).addcmul_(grad, grad.conj(), 1 - a.beta2);
      auto denom = (a.exp_avg_sq[i].sqrt() / bias_correction2_sqrt).add_(a.eps);
      p.addcdiv_(a.exp_avg[i], denom, -step_size);
    }
  });
}

int s2r_adam_get_step(Handle h, int64_t* step) {
  return guarded([&] { *step = A(h).step; });
}

int s2r_adam_set_step(Handle h, int64_t step) {
  return guarded([&] { A(h).step = step; });
}

// Handles sharing storage with the i-th parameter's moment estimates, so C# can save and restore them.
int s2r_adam_moments(Handle h, int i, Handle* exp_avg, Handle* exp_avg_sq) {
  return guarded([&] {
    auto& a = A(h);
    if (i < 0 || static_cast<size_t>(i) >= a.params.size()) throw std::out_of_range("no parameter " + std::to_string(i));
    *exp_avg = wrap(a.exp_avg[i]);
    *exp_avg_sq = wrap(a.exp_avg_sq[i]);
  });
}
}
