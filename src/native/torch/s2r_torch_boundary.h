// The C boundary shared by the translation units of libs2r_torch: each call runs its body under guarded(), which
// turns a C++ exception into -1 with its text kept for the caller's thread; tensors cross as opaque heap handles.
// Included, not linked: everything here has internal linkage, so each translation unit keeps its own error text,
// read through its own *_last_error export (s2r_last_error, s2r_rma_last_error, s2r_jit_last_error).
#pragma once

#include <torch/types.h>  // torch::Tensor; both torch/torch.h and torch/script.h include it

#include <stdexcept>
#include <string>

namespace {
thread_local std::string g_last_error;

template <typename F>
int guarded(F&& body) {
  try {
    body();
    return 0;
  } catch (const std::exception& e) {
    g_last_error = e.what();
    return -1;
  }
}

using Handle = void*;

torch::Tensor& T(Handle h) {
  if (h == nullptr) throw std::invalid_argument("null tensor handle");
  return *static_cast<torch::Tensor*>(h);
}
}  // namespace
