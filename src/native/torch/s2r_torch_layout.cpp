// Memory layout and compute precision of the pixel encoder (Sim2Real.Learning.DrQV2.PixelEncoder).
// oneDNN runs convolutions in blocked layouts; fed NCHW it reorders every activation and gradient in and out of each
// convolution, while NHWC (channels_last) it reads and writes directly. bf16 halves the bytes and, on CPUs with
// avx512_bf16 (or a GPU), runs the convolutions on bf16 kernels with fp32 accumulation; "bf16-emulated" rounds the same
// tensors to bf16 but computes in fp32, so bf16's numerics can be studied on CPUs whose libtorch has no bf16 kernels.
// A translation unit of its own: each file that includes torch headers costs ~23 s and 1 GB to compile here, and
// s2r_torch.cpp is edited by other work; this one includes only ATen and rebuilds alone.
// Conventions are s2r_torch.cpp's: each call returns 0 or -1, a produced tensor is a new heap handle in *out
// (released by s2r_t_free), errors never cross the C boundary as exceptions; this file keeps its own error text.
#include <ATen/ATen.h>

#include <cpuid.h>

#include <string>

#include "s2r_torch_boundary.h"

namespace {

Handle wrap(at::Tensor t) { return new at::Tensor(std::move(t)); }

// Sim2Real.Learning.Tensors.MemoryFormat.
at::MemoryFormat format_of(int code) {
  switch (code) {
    case 0: return at::MemoryFormat::Contiguous;
    case 1: return at::MemoryFormat::ChannelsLast;
    default: throw std::invalid_argument("unknown memory format code " + std::to_string(code));
  }
}

// Sim2Real.Learning.Tensors.Precision.
enum class Precision { fp32 = 0, bf16 = 1, bf16_emulated = 2 };

Precision precision_of(int code) {
  if (code < 0 || code > 2) throw std::invalid_argument("unknown precision code " + std::to_string(code));
  return static_cast<Precision>(code);
}

// Rounds to bf16 and back: forward and backward both round, as a bf16 tensor and its gradient would be.
at::Tensor round_bf16(const at::Tensor& t) { return t.to(at::kBFloat16).to(at::kFloat); }

at::Tensor in_precision(const at::Tensor& t, Precision p) {
  switch (p) {
    case Precision::fp32: return t.to(at::kFloat);
    case Precision::bf16: return t.to(at::kBFloat16);
    case Precision::bf16_emulated: return round_bf16(t.to(at::kFloat));
  }
  throw std::logic_error("unreachable precision");
}

// CPUID leaf 7 subleaf 1, EAX bit 5 (AVX512_BF16), with the OS saving the AVX-512 state (XCR0 bits 1, 2, 5, 6, 7).
bool cpu_has_avx512_bf16() {
  unsigned a, b, c, d;
  if (__get_cpuid_count(1, 0, &a, &b, &c, &d) == 0 || (c & (1u << 27)) == 0) return false;  // OSXSAVE
  unsigned lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  if ((lo & 0xE6u) != 0xE6u) return false;
  if (__get_cpuid_count(7, 0, &a, &b, &c, &d) == 0 || (b & (1u << 16)) == 0) return false;  // AVX512F
  if (a < 1) return false;  // no subleaf 1
  __get_cpuid_count(7, 1, &a, &b, &c, &d);
  return (a & (1u << 5)) != 0;
}
}  // namespace

extern "C" {

const char* s2r_layout_last_error() { return g_last_error.c_str(); }

int s2r_cpu_has_avx512_bf16() { return cpu_has_avx512_bf16() ? 1 : 0; }

// x.contiguous(memory_format): the same values, laid out NCHW (0) or NHWC (1); no copy when already so.
int s2r_t_contiguous_as(Handle a, int format, Handle* out) {
  return guarded([&] { *out = wrap(T(a).contiguous(format_of(format))); });
}

int s2r_t_is_contiguous_as(Handle a, int format, int* result) {
  return guarded([&] { *result = T(a).is_contiguous(format_of(format)) ? 1 : 0; });
}

// 0 fp32, 1 bf16, -1 anything else.
int s2r_t_precision_of(Handle a, int* code) {
  return guarded([&] {
    auto t = T(a).scalar_type();
    *code = t == at::kFloat ? 0 : t == at::kBFloat16 ? 1 : -1;
  });
}

// The reference encoder's input, obs / 255 - 0.5, computed in fp32 as there, written once into the given layout
// (in place on one fresh tensor: no intermediate), then in the given precision.
int s2r_t_scale_pixels(Handle x, int format, int precision, Handle* out) {
  return guarded([&] {
    const auto& in = T(x);
    auto p = precision_of(precision);
    at::Tensor y;
    if (in.requires_grad() || in.scalar_type() != at::kFloat || in.dim() != 4) {
      y = ((in.to(at::kFloat) / 255.0) - 0.5).contiguous(format_of(format));
    } else {
      y = at::empty(in.sizes(), in.options(), format_of(format));
      at::div_out(y, in, at::scalar_tensor(255.0, in.options()));
      y.sub_(0.5);
    }
    *out = wrap(p == Precision::fp32 ? y : in_precision(y, p));
  });
}

// F.conv2d (square stride, zero padding) in a precision: fp32 as is; bf16 casts input, weight and bias to bf16
// (autocast's rule for convolutions: fp32 master weights, their gradients cast back to fp32); bf16-emulated rounds
// input, weight, bias and output to bf16 and computes in fp32. The output keeps the input's layout.
int s2r_t_conv2d_in(Handle x, Handle w, Handle b, int64_t stride, int64_t padding, int precision, Handle* out) {
  return guarded([&] {
    auto p = precision_of(precision);
    c10::optional<at::Tensor> bias;
    if (p == Precision::fp32) {
      if (b != nullptr) bias = T(b);
      *out = wrap(at::conv2d(T(x), T(w), bias, {stride, stride}, {padding, padding}));
      return;
    }
    if (b != nullptr) bias = in_precision(T(b), p);
    auto y = at::conv2d(in_precision(T(x), p), in_precision(T(w), p), bias, {stride, stride}, {padding, padding});
    *out = wrap(p == Precision::bf16_emulated ? round_bf16(y) : y);
  });
}
}
