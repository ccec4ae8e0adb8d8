// Shared by the s2r_cv translation units. Not a public header: C# declares the ABI in Interop/CvNative.cs.
#pragma once

#include <opencv2/core.hpp>

#include <cstdint>
#include <exception>
#include <string>

extern "C" {
// A borrowed view of pixels owned by the caller (a pinned C# array): nothing here frees it.
typedef struct s2r_image {
  void* data;
  int32_t width;
  int32_t height;
  int32_t stride;  // bytes per row
  int32_t type;    // OpenCV type code, e.g. CV_8UC3
} s2r_image;
}

namespace s2r {

void set_error(const std::string& message);

inline cv::Mat view(const s2r_image* img) {
  return cv::Mat(img->height, img->width, img->type, img->data, static_cast<size_t>(img->stride));
}

// Runs body, turning every C++ exception into -1 plus last-error text: exceptions never cross into C#.
template <typename F>
int guarded(const char* what, F&& body) {
  try {
    return body();
  } catch (const cv::Exception& e) {
    set_error(std::string(what) + ": " + e.what());
  } catch (const std::exception& e) {
    set_error(std::string(what) + ": " + e.what());
  } catch (...) {
    set_error(std::string(what) + ": unknown C++ exception");
  }
  return -1;
}

}  // namespace s2r
