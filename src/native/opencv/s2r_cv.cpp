// extern "C" layer over OpenCV 4.6. Logic lives in C# (Sim2Real.Vision); this file only crosses the boundary.
// Errors never cross as exceptions: each call returns 0 (or a count) or -1 and s2r_cv_last_error() holds the text.
// Pixels live in C# arrays passed as borrowed views; results of unknown size come back in a cv::Mat owned by a
// C# SafeHandle (s2r_cv_mat_new / s2r_cv_mat_free).
#include "s2r_cv_internal.h"

#include <cstring>

namespace {
thread_local std::string g_last_error;
}  // namespace

namespace s2r {
void set_error(const std::string& message) { g_last_error = message; }
}  // namespace s2r

extern "C" {

const char* s2r_cv_last_error() { return g_last_error.c_str(); }

const char* s2r_cv_version() { return CV_VERSION; }

const char* s2r_cv_runtime_version() {
  static const std::string v = cv::getVersionString();
  return v.c_str();
}

void* s2r_cv_mat_new() {
  try {
    return new cv::Mat();
  } catch (const std::exception& e) {
    s2r::set_error(std::string("mat_new: ") + e.what());
    return nullptr;
  }
}

void s2r_cv_mat_free(void* mat) { delete static_cast<cv::Mat*>(mat); }

// Shape of a result matrix: width (cols), height (rows), OpenCV type, bytes in total.
int s2r_cv_mat_info(const void* mat, int32_t* width, int32_t* height, int32_t* type, int64_t* bytes) {
  const auto* m = static_cast<const cv::Mat*>(mat);
  *width = m->cols;
  *height = m->rows;
  *type = m->type();
  *bytes = static_cast<int64_t>(m->total() * m->elemSize());
  return 0;
}

// Copies a result matrix row by row into a contiguous caller buffer of `capacity` bytes.
int s2r_cv_mat_copy_to(const void* mat, void* dst, int64_t capacity) {
  return s2r::guarded("mat_copy_to", [&] {
    const auto* m = static_cast<const cv::Mat*>(mat);
    const size_t row = m->cols * m->elemSize();
    if (static_cast<int64_t>(row * m->rows) > capacity) {
      s2r::set_error("mat_copy_to: destination holds " + std::to_string(capacity) + " bytes, matrix needs " +
                     std::to_string(row * m->rows));
      return -1;
    }
    for (int y = 0; y < m->rows; ++y) {
      std::memcpy(static_cast<uint8_t*>(dst) + y * row, m->ptr(y), row);
    }
    return 0;
  });
}
}
