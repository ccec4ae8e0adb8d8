// Memory layout and compute precision of the pixel encoder (Sim2Real.Learning.DrQV2.PixelEncoder).
// oneDNN runs convolutions in blocked layouts; fed NCHW it reorders every activation and gradient in and out of each
// convolution, while NHWC (channels_last) it reads and writes directly. bf16 halves the bytes and, on CPUs with
// avx512_bf16 (or a GPU), runs the convolutions on bf16 kernels with fp32 accumulation; "bf16-emulated" rounds the same
// tensors to bf16 but computes in fp32, so bf16's numerics can be studied on CPUs whose libtorch has no bf16 kernels.
// The encoder's input is prepared in single passes (replicate padding straight from uint8; obs / 255 - 0.5 straight
// into NHWC) with the reference's values bit for bit.
// A translation unit of its own: each file that includes torch headers costs ~23 s and 1 GB to compile here, and
// s2r_torch.cpp is edited by other work; this one includes only ATen and rebuilds alone.
// Conventions are s2r_torch.cpp's: each call returns 0 or -1, a produced tensor is a new heap handle in *out
// (released by s2r_t_free), errors never cross the C boundary as exceptions; this file keeps its own error text.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>

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
// Replicate-pads each h x w plane by pad on every side into fp32 (uint8 and float values convert exactly).
template <typename Src>
void pad_planes(const Src* src, float* dst, int64_t planes, int64_t h, int64_t w, int64_t pad) {
  const int64_t ph = h + 2 * pad, pw = w + 2 * pad;
  at::parallel_for(0, planes, 1, [&](int64_t begin, int64_t end) {
    for (int64_t plane = begin; plane < end; ++plane) {
      const Src* s = src + plane * h * w;
      float* d = dst + plane * ph * pw;
      for (int64_t r = 0; r < ph; ++r) {
        const Src* row = s + std::min(std::max(r - pad, int64_t{0}), h - 1) * w;
        float* o = d + r * pw;
        for (int64_t j = 0; j < pad; ++j) o[j] = static_cast<float>(row[0]);
        for (int64_t j = 0; j < w; ++j) o[pad + j] = static_cast<float>(row[j]);
        for (int64_t j = 0; j < pad; ++j) o[pad + w + j] = static_cast<float>(row[w - 1]);
      }
    }
  });
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

// The reference encoder's input, obs / 255 - 0.5, in fp32 as there (one IEEE division, one subtraction: the same
// bits as torch's two ops), read once from an NCHW image and written once into the given layout, then in the given
// precision. Other inputs (autograd, other dtypes or layouts) take torch's ops.
int s2r_t_scale_pixels(Handle x, int format, int precision, Handle* out) {
  return guarded([&] {
    const auto& in = T(x);
    auto p = precision_of(precision);
    auto fmt = format_of(format);
    at::Tensor y;
    if (in.requires_grad() || in.scalar_type() != at::kFloat || in.dim() != 4 || !in.is_cpu() || !in.is_contiguous()) {
      y = ((in.to(at::kFloat) / 255.0) - 0.5).contiguous(fmt);
    } else {
      y = at::empty(in.sizes(), in.options(), fmt);
      const int64_t n = in.size(0), c = in.size(1), hw = in.size(2) * in.size(3);
      const float* src = in.data_ptr<float>();
      float* dst = y.data_ptr<float>();
      const bool nhwc = fmt == at::MemoryFormat::ChannelsLast;
      at::parallel_for(0, n * c, 1, [&](int64_t begin, int64_t end) {
        for (int64_t plane = begin; plane < end; ++plane) {
          const float* s = src + plane * hw;
          const int64_t b = plane / c, ch = plane % c;
          if (nhwc) {
            float* d = dst + b * c * hw + ch;
            for (int64_t i = 0; i < hw; ++i) d[i * c] = s[i] / 255.0f - 0.5f;
          } else {
            float* d = dst + plane * hw;
            for (int64_t i = 0; i < hw; ++i) d[i] = s[i] / 255.0f - 0.5f;
          }
        }
      });
    }
    *out = wrap(p == Precision::fp32 ? y : in_precision(y, p));
  });
}

// F.pad(x.float(), (pad, pad, pad, pad), 'replicate') on NCHW in one pass from uint8 (or float) pixels: the values
// DrQ-v2's random shift resamples, without the intermediate fp32 copy of the unpadded batch.
int s2r_t_pad_replicate_float(Handle x, int64_t pad, Handle* out) {
  return guarded([&] {
    const auto& in = T(x);
    if (in.dim() != 4) throw std::invalid_argument("replicate padding needs NCHW images, got " + std::to_string(in.dim()) + " dims");
    if (pad < 0) throw std::invalid_argument("padding must be >= 0, got " + std::to_string(pad));
    if (in.size(2) == 0 || in.size(3) == 0) throw std::invalid_argument("cannot replicate the edge of an empty image");
    if (in.requires_grad() || !in.is_cpu() || (in.scalar_type() != at::kByte && in.scalar_type() != at::kFloat)) {
      *out = wrap(at::replication_pad2d(in.to(at::kFloat), {pad, pad, pad, pad}));
      return;
    }
    auto src_t = in.contiguous();
    const int64_t planes = in.size(0) * in.size(1), h = in.size(2), w = in.size(3), ph = h + 2 * pad, pw = w + 2 * pad;
    auto y = at::empty({in.size(0), in.size(1), ph, pw}, in.options().dtype(at::kFloat));
    if (src_t.scalar_type() == at::kByte) {
      pad_planes(src_t.data_ptr<uint8_t>(), y.data_ptr<float>(), planes, h, w, pad);
    } else {
      pad_planes(src_t.data_ptr<float>(), y.data_ptr<float>(), planes, h, w, pad);
    }
    *out = wrap(y);
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
