// cv::VideoCapture and cv::VideoWriter behind opaque handles owned by C# SafeHandles.
#include "s2r_cv_internal.h"

#include <opencv2/videoio.hpp>
#include <opencv2/videoio/registry.hpp>

#include <cstdio>
#include <memory>

#include <vector>

extern "C" {

// Opens a device (index >= 0) or a file/URL (index < 0) with an explicit backend (cv::CAP_*); params are
// cv::CAP_PROP_* key/value pairs applied at open (e.g. FFmpeg open/read timeouts). NULL on failure.
void* s2r_cv_capture_open(const char* uri, int32_t index, int32_t api, const int32_t* params, int32_t nparams) {
  void* result = nullptr;
  s2r::guarded("VideoCapture", [&] {
    std::vector<int> p(params, params + nparams);
    auto cap = std::make_unique<cv::VideoCapture>();
    const bool ok = index >= 0 ? cap->open(index, api, p) : cap->open(uri, api, p);
    if (!ok || !cap->isOpened()) {
      s2r::set_error(std::string("VideoCapture: backend ") + cv::videoio_registry::getBackendName(
                         static_cast<cv::VideoCaptureAPIs>(api)) + " could not open " +
                     (index >= 0 ? "device " + std::to_string(index) : std::string(uri)));
      return -1;
    }
    result = cap.release();
    return 0;
  });
  return result;
}

void s2r_cv_capture_release(void* cap) { delete static_cast<cv::VideoCapture*>(cap); }

// 1: a frame was grabbed; 0: none (end of file, or the stream stopped delivering); -1: error.
int s2r_cv_capture_grab(void* cap) {
  return s2r::guarded("VideoCapture::grab", [&] { return static_cast<cv::VideoCapture*>(cap)->grab() ? 1 : 0; });
}

// Decodes the grabbed frame into `out` (a cv::Mat owned by a C# handle).
int s2r_cv_capture_retrieve(void* cap, void* out) {
  return s2r::guarded("VideoCapture::retrieve", [&] {
    auto* m = static_cast<cv::Mat*>(out);
    if (!static_cast<cv::VideoCapture*>(cap)->retrieve(*m) || m->empty()) {
      s2r::set_error("VideoCapture::retrieve: the grabbed frame could not be decoded");
      return -1;
    }
    return 0;
  });
}

double s2r_cv_capture_get(void* cap, int32_t prop) { return static_cast<cv::VideoCapture*>(cap)->get(prop); }

int s2r_cv_capture_backend(void* cap, char* name, int32_t capacity) {
  return s2r::guarded("VideoCapture::getBackendName", [&] {
    const std::string n = static_cast<cv::VideoCapture*>(cap)->getBackendName();
    std::snprintf(name, capacity, "%s", n.c_str());
    return 0;
  });
}

void* s2r_cv_writer_open(const char* path, int32_t api, const char* fourcc, double fps, int32_t width,
                         int32_t height, int32_t is_color) {
  void* result = nullptr;
  s2r::guarded("VideoWriter", [&] {
    auto w = std::make_unique<cv::VideoWriter>();
    const int code = cv::VideoWriter::fourcc(fourcc[0], fourcc[1], fourcc[2], fourcc[3]);
    if (!w->open(path, api, code, fps, cv::Size(width, height), is_color != 0) || !w->isOpened()) {
      s2r::set_error(std::string("VideoWriter: cannot open ") + path + " for " + fourcc + " at " +
                     std::to_string(width) + "x" + std::to_string(height));
      return -1;
    }
    result = w.release();
    return 0;
  });
  return result;
}

int s2r_cv_writer_write(void* writer, const s2r_image* frame) {
  return s2r::guarded("VideoWriter::write", [&] {
    static_cast<cv::VideoWriter*>(writer)->write(s2r::view(frame));
    return 0;
  });
}

void s2r_cv_writer_release(void* writer) { delete static_cast<cv::VideoWriter*>(writer); }
}
