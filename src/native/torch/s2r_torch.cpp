// extern "C" layer over libtorch. Networks are composed in C#; this file exposes tensor-level operations only.
// Errors never cross the C boundary as exceptions: each call returns 0 or -1 and s2r_last_error() holds the text.
#include <torch/torch.h>
#include <dlfcn.h>

#include <cstdlib>
#include <cstring>
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
}  // namespace

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
}
