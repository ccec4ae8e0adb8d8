// Tensor ops that RMA's modules need (Sim2Real.Learning.Rma): 1-D convolution and ELU. They live in a translation
// unit of their own because each file that includes <torch/torch.h> costs ~23 s and 1 GB to compile here, and
// s2r_torch.cpp is edited by other work; this one rebuilds alone.
// Conventions are s2r_torch.cpp's: each call returns 0 or -1, a produced tensor is a new heap handle in *out
// (released by s2r_t_free), and errors never cross the C boundary as exceptions. s2r_torch.cpp's error text is
// private to that file, so this one keeps its own: s2r_rma_last_error().
#include <torch/torch.h>

#include <string>

#include "s2r_torch_boundary.h"

namespace {

Handle wrap(torch::Tensor t) { return new torch::Tensor(std::move(t)); }
}  // namespace

extern "C" {

const char* s2r_rma_last_error() { return g_last_error.c_str(); }

// F.conv1d on [N, C, L] with zero padding; libtorch records the backward.
int s2r_t_conv1d(Handle x, Handle w, Handle b, int64_t stride, int64_t padding, Handle* out) {
  return guarded([&] {
    c10::optional<torch::Tensor> bias;
    if (b != nullptr) bias = T(b);
    *out = wrap(torch::conv1d(T(x), T(w), bias, {stride}, {padding}));
  });
}

// F.elu(x, alpha): x for x > 0, alpha * (exp(x) - 1) otherwise.
int s2r_t_elu(Handle a, double alpha, Handle* out) {
  return guarded([&] { *out = wrap(torch::elu(T(a), alpha)); });
}
}
