// Image codecs and pixel operations on caller-owned buffers.
#include "s2r_cv_internal.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

extern "C" {

int s2r_cv_imdecode(const uint8_t* buf, int64_t len, int32_t flags, void* out) {
  return s2r::guarded("imdecode", [&] {
    cv::Mat raw(1, static_cast<int>(len), CV_8UC1, const_cast<uint8_t*>(buf));
    *static_cast<cv::Mat*>(out) = cv::imdecode(raw, flags);
    if (static_cast<cv::Mat*>(out)->empty()) {
      s2r::set_error("imdecode: the bytes are not an image format OpenCV can decode");
      return -1;
    }
    return 0;
  });
}

int s2r_cv_imread(const char* path, int32_t flags, void* out) {
  return s2r::guarded("imread", [&] {
    *static_cast<cv::Mat*>(out) = cv::imread(path, flags);
    if (static_cast<cv::Mat*>(out)->empty()) {
      s2r::set_error(std::string("imread: cannot read an image from ") + path);
      return -1;
    }
    return 0;
  });
}

// Encodes to the format named by `ext` (".png", ".jpg"); the bytes land in `out` as a 1xN CV_8UC1 matrix.
int s2r_cv_imencode(const char* ext, const s2r_image* img, const int32_t* params, int32_t nparams, void* out) {
  return s2r::guarded("imencode", [&] {
    std::vector<uchar> bytes;
    std::vector<int> p(params, params + nparams);
    if (!cv::imencode(ext, s2r::view(img), bytes, p)) {
      s2r::set_error(std::string("imencode: encoder for ") + ext + " refused the image");
      return -1;
    }
    cv::Mat(bytes, true).reshape(1, 1).copyTo(*static_cast<cv::Mat*>(out));
    return 0;
  });
}

int s2r_cv_imwrite(const char* path, const s2r_image* img, const int32_t* params, int32_t nparams) {
  return s2r::guarded("imwrite", [&] {
    std::vector<int> p(params, params + nparams);
    if (!cv::imwrite(path, s2r::view(img), p)) {
      s2r::set_error(std::string("imwrite: cannot write ") + path);
      return -1;
    }
    return 0;
  });
}

int s2r_cv_resize(const s2r_image* src, s2r_image* dst, int32_t interpolation) {
  return s2r::guarded("resize", [&] {
    cv::Mat d = s2r::view(dst);
    cv::resize(s2r::view(src), d, d.size(), 0, 0, interpolation);
    // OpenCV reallocates instead of failing when the destination does not fit; that would lose the result.
    if (d.data != dst->data) {
      s2r::set_error("resize: destination view does not match the requested size and type");
      return -1;
    }
    return 0;
  });
}

int s2r_cv_cvt_color(const s2r_image* src, s2r_image* dst, int32_t code) {
  return s2r::guarded("cvtColor", [&] {
    cv::Mat d = s2r::view(dst);
    cv::cvtColor(s2r::view(src), d, code);
    if (d.data != dst->data) {
      s2r::set_error("cvtColor: destination view does not match the conversion's size and type");
      return -1;
    }
    return 0;
  });
}

// Float maps (CV_32FC1, width x height each) into caller buffers, so C# owns them for the camera's lifetime.
int s2r_cv_init_undistort_rectify_map(const double* k, const double* dist, int32_t ndist, const double* r,
                                      const double* new_k, int32_t width, int32_t height, float* map_x,
                                      float* map_y) {
  return s2r::guarded("initUndistortRectifyMap", [&] {
    cv::Mat K(3, 3, CV_64F, const_cast<double*>(k));
    cv::Mat D(1, ndist, CV_64F, const_cast<double*>(dist));
    cv::Mat R(3, 3, CV_64F, const_cast<double*>(r));
    cv::Mat P(3, 3, CV_64F, const_cast<double*>(new_k));
    cv::Mat mx, my;
    cv::initUndistortRectifyMap(K, D, R, P, cv::Size(width, height), CV_32FC1, mx, my);
    mx.copyTo(cv::Mat(height, width, CV_32FC1, map_x));
    my.copyTo(cv::Mat(height, width, CV_32FC1, map_y));
    return 0;
  });
}

int s2r_cv_remap(const s2r_image* src, s2r_image* dst, const float* map_x, const float* map_y, int32_t interpolation,
                 int32_t border_mode) {
  return s2r::guarded("remap", [&] {
    cv::Mat d = s2r::view(dst);
    cv::Mat mx(dst->height, dst->width, CV_32FC1, const_cast<float*>(map_x));
    cv::Mat my(dst->height, dst->width, CV_32FC1, const_cast<float*>(map_y));
    cv::remap(s2r::view(src), d, mx, my, interpolation, border_mode);
    if (d.data != dst->data) {
      s2r::set_error("remap: destination view does not match the map size or source type");
      return -1;
    }
    return 0;
  });
}

int s2r_cv_warp_perspective(const s2r_image* src, s2r_image* dst, const double* h, int32_t interpolation,
                            double border_value) {
  return s2r::guarded("warpPerspective", [&] {
    cv::Mat d = s2r::view(dst);
    cv::Mat H(3, 3, CV_64F, const_cast<double*>(h));
    cv::warpPerspective(s2r::view(src), d, H, d.size(), interpolation, cv::BORDER_CONSTANT,
                        cv::Scalar::all(border_value));
    if (d.data != dst->data) {
      s2r::set_error("warpPerspective: destination view does not match the source type");
      return -1;
    }
    return 0;
  });
}
}

extern "C" {

// Float maps to OpenCV's fixed-point form (CV_16SC2 integer positions + CV_16UC1 interpolation-table indices):
// remap then skips the per-call conversion. Same rounding as the float path, so the output bytes are the same.
int s2r_cv_convert_maps(const float* map_x, const float* map_y, int32_t width, int32_t height, int16_t* xy,
                        uint16_t* fraction) {
  return s2r::guarded("convertMaps", [&] {
    cv::Mat mx(height, width, CV_32FC1, const_cast<float*>(map_x));
    cv::Mat my(height, width, CV_32FC1, const_cast<float*>(map_y));
    cv::Mat a(height, width, CV_16SC2, xy);
    cv::Mat b(height, width, CV_16UC1, fraction);
    cv::Mat fa, fb;
    cv::convertMaps(mx, my, fa, fb, CV_16SC2);
    fa.copyTo(a);
    fb.copyTo(b);
    return 0;
  });
}

int s2r_cv_remap_fixed(const s2r_image* src, s2r_image* dst, const int16_t* xy, const uint16_t* fraction,
                       int32_t interpolation, int32_t border_mode) {
  return s2r::guarded("remap", [&] {
    cv::Mat d = s2r::view(dst);
    cv::Mat a(dst->height, dst->width, CV_16SC2, const_cast<int16_t*>(xy));
    cv::Mat b(dst->height, dst->width, CV_16UC1, const_cast<uint16_t*>(fraction));
    cv::remap(s2r::view(src), d, a, b, interpolation, border_mode);
    if (d.data != dst->data) {
      s2r::set_error("remap: destination view does not match the map size or source type");
      return -1;
    }
    return 0;
  });
}
}
