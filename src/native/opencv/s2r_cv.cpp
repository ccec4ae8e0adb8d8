// extern "C" layer over OpenCV 4.6. Logic lives in C# (Sim2Real.Vision); this file only crosses the boundary.
// Errors never cross as exceptions: each call returns 0 or -1 and s2r_cv_last_error() holds the text.
#include <opencv2/core.hpp>

#include <string>

namespace {
thread_local std::string g_last_error;
}  // namespace

extern "C" {

const char* s2r_cv_last_error() { return g_last_error.c_str(); }

const char* s2r_cv_version() { return CV_VERSION; }

const char* s2r_cv_runtime_version() {
  static const std::string v = cv::getVersionString();
  return v.c_str();
}
}
