// TorchScript modules (torch::jit::load), for policies exported by other trainers (legged_gym's policy_1.pt).
// A translation unit of its own: each file that includes torch headers costs ~23 s and 1 GB to compile here, and
// s2r_torch.cpp is edited by other work; this one rebuilds alone.
// Conventions are s2r_torch.cpp's: each call returns 0 or -1, a produced tensor is a new heap handle in *out
// (released by s2r_t_free, which this library exports), and errors never cross the C boundary as exceptions.
// s2r_torch.cpp's error text is private to that file, so this one keeps its own: s2r_jit_last_error().
#include <torch/script.h>

#include <string>

#include "s2r_torch_boundary.h"

namespace {

torch::jit::Module& M(Handle h) {
  if (h == nullptr) throw std::invalid_argument("null module handle");
  return *static_cast<torch::jit::Module*>(h);
}

// The device codes s2r_torch.cpp uses (Sim2Real.Learning.Tensors.DeviceType).
torch::Device device_of(int type, int index) {
  if (type == 0) return torch::Device(torch::kCPU);
  if (type == 1) return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
  throw std::invalid_argument("unknown device type " + std::to_string(type));
}

std::string type_name(const c10::IValue& v) { return v.tagKind(); }
}  // namespace

extern "C" {

const char* s2r_jit_last_error() { return g_last_error.c_str(); }

// Loads a TorchScript archive onto the device, in eval mode (dropout and batch norm as in inference).
int s2r_jit_load(const char* path, int dev_type, int dev_index, Handle* out) {
  return guarded([&] {
    auto module = torch::jit::load(std::string(path), device_of(dev_type, dev_index));
    module.eval();
    *out = new torch::jit::Module(std::move(module));
  });
}

void s2r_jit_free(Handle module) { delete static_cast<torch::jit::Module*>(module); }

// module.forward(input) without autograd; the result must be one tensor (a policy's actions).
int s2r_jit_forward(Handle module, Handle input, Handle* out) {
  return guarded([&] {
    torch::NoGradGuard no_grad;
    std::vector<c10::IValue> inputs{T(input)};
    auto result = M(module).forward(inputs);
    if (!result.isTensor()) {
      throw std::invalid_argument("forward returned a " + type_name(result) + ", not a tensor");
    }
    *out = new torch::Tensor(result.toTensor());
  });
}
}
