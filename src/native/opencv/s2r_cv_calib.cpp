// Calibration: chessboard and ChArUco detection, camera calibration, pose, projection, hand-eye.
// Points cross as flat float/double arrays; views are concatenated with a per-view count array.
#include "s2r_cv_internal.h"

#include <opencv2/aruco/charuco.hpp>
#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <vector>

namespace {

cv::Ptr<cv::aruco::CharucoBoard> charuco_board(int32_t squares_x, int32_t squares_y, double square, double marker,
                                               int32_t dictionary) {
  return cv::aruco::CharucoBoard::create(squares_x, squares_y, static_cast<float>(square), static_cast<float>(marker),
                                         cv::aruco::getPredefinedDictionary(dictionary));
}

}  // namespace

extern "C" {

// Returns 1 when all cols x rows inner corners were found (written to corners as x,y pairs), 0 when not.
int s2r_cv_find_chessboard(const s2r_image* gray, int32_t cols, int32_t rows, int32_t flags, float* corners) {
  return s2r::guarded("findChessboardCorners", [&] {
    std::vector<cv::Point2f> found;
    if (!cv::findChessboardCorners(s2r::view(gray), cv::Size(cols, rows), found, flags)) {
      return 0;
    }
    for (size_t i = 0; i < found.size(); ++i) {
      corners[2 * i] = found[i].x;
      corners[2 * i + 1] = found[i].y;
    }
    return 1;
  });
}

int s2r_cv_corner_subpix(const s2r_image* gray, float* corners, int32_t count, int32_t half_window,
                         int32_t max_iterations, double epsilon) {
  return s2r::guarded("cornerSubPix", [&] {
    std::vector<cv::Point2f> pts(count);
    for (int i = 0; i < count; ++i) pts[i] = {corners[2 * i], corners[2 * i + 1]};
    cv::cornerSubPix(s2r::view(gray), pts, cv::Size(half_window, half_window), cv::Size(-1, -1),
                     cv::TermCriteria(cv::TermCriteria::EPS + cv::TermCriteria::COUNT, max_iterations, epsilon));
    for (int i = 0; i < count; ++i) {
      corners[2 * i] = pts[i].x;
      corners[2 * i + 1] = pts[i].y;
    }
    return 0;
  });
}

// calibrateCamera over nviews views; object points are x,y,z, image points x,y, both concatenated per view.
// Writes K (3x3 row-major), dist (5: k1 k2 p1 p2 k3), per-view RMS errors, rvecs and tvecs (3 per view).
int s2r_cv_calibrate_camera(int32_t nviews, const int32_t* counts, const float* object_points,
                            const float* image_points, int32_t width, int32_t height, int32_t flags, double* k,
                            double* dist, double* per_view_errors, double* rvecs, double* tvecs, double* rms) {
  return s2r::guarded("calibrateCamera", [&] {
    std::vector<std::vector<cv::Point3f>> obj(nviews);
    std::vector<std::vector<cv::Point2f>> img(nviews);
    size_t offset = 0;
    for (int v = 0; v < nviews; ++v) {
      for (int i = 0; i < counts[v]; ++i, ++offset) {
        obj[v].emplace_back(object_points[3 * offset], object_points[3 * offset + 1], object_points[3 * offset + 2]);
        img[v].emplace_back(image_points[2 * offset], image_points[2 * offset + 1]);
      }
    }
    cv::Mat K, D, std_in, std_ex, errors;
    std::vector<cv::Mat> rv, tv;
    *rms = cv::calibrateCamera(obj, img, cv::Size(width, height), K, D, rv, tv, std_in, std_ex, errors, flags);
    for (int i = 0; i < 9; ++i) k[i] = K.at<double>(i / 3, i % 3);
    for (int i = 0; i < 5; ++i) dist[i] = i < static_cast<int>(D.total()) ? D.at<double>(i) : 0.0;
    for (int v = 0; v < nviews; ++v) {
      per_view_errors[v] = errors.at<double>(v);
      for (int j = 0; j < 3; ++j) {
        rvecs[3 * v + j] = rv[v].at<double>(j);
        tvecs[3 * v + j] = tv[v].at<double>(j);
      }
    }
    return 0;
  });
}

int s2r_cv_optimal_new_camera_matrix(const double* k, const double* dist, int32_t ndist, int32_t width,
                                     int32_t height, double alpha, double* new_k) {
  return s2r::guarded("getOptimalNewCameraMatrix", [&] {
    cv::Mat K(3, 3, CV_64F, const_cast<double*>(k));
    cv::Mat D(1, ndist, CV_64F, const_cast<double*>(dist));
    cv::Mat N = cv::getOptimalNewCameraMatrix(K, D, cv::Size(width, height), alpha);
    for (int i = 0; i < 9; ++i) new_k[i] = N.at<double>(i / 3, i % 3);
    return 0;
  });
}

int s2r_cv_solve_pnp(const double* object_points, const double* image_points, int32_t count, const double* k,
                     const double* dist, int32_t ndist, double* rvec, double* tvec) {
  return s2r::guarded("solvePnP", [&] {
    cv::Mat obj(count, 1, CV_64FC3, const_cast<double*>(object_points));
    cv::Mat img(count, 1, CV_64FC2, const_cast<double*>(image_points));
    cv::Mat K(3, 3, CV_64F, const_cast<double*>(k));
    cv::Mat D(1, ndist, CV_64F, const_cast<double*>(dist));
    cv::Mat r, t;
    if (!cv::solvePnP(obj, img, K, D, r, t, false, cv::SOLVEPNP_ITERATIVE)) {
      s2r::set_error("solvePnP: no pose found for the board points");
      return -1;
    }
    for (int j = 0; j < 3; ++j) {
      rvec[j] = r.at<double>(j);
      tvec[j] = t.at<double>(j);
    }
    return 0;
  });
}

int s2r_cv_project_points(const double* object_points, int32_t count, const double* rvec, const double* tvec,
                          const double* k, const double* dist, int32_t ndist, double* image_points) {
  return s2r::guarded("projectPoints", [&] {
    cv::Mat obj(count, 1, CV_64FC3, const_cast<double*>(object_points));
    cv::Mat K(3, 3, CV_64F, const_cast<double*>(k));
    cv::Mat D(1, ndist, CV_64F, const_cast<double*>(dist));
    cv::Mat r(3, 1, CV_64F, const_cast<double*>(rvec));
    cv::Mat t(3, 1, CV_64F, const_cast<double*>(tvec));
    std::vector<cv::Point2d> out;
    cv::projectPoints(obj, r, t, K, D, out);
    for (int i = 0; i < count; ++i) {
      image_points[2 * i] = out[i].x;
      image_points[2 * i + 1] = out[i].y;
    }
    return 0;
  });
}

// Rotation vector (3) to matrix (9, row-major) when in_len is 3, matrix to vector when 9.
int s2r_cv_rodrigues(const double* in, int32_t in_len, double* out) {
  return s2r::guarded("Rodrigues", [&] {
    cv::Mat src = in_len == 3 ? cv::Mat(3, 1, CV_64F, const_cast<double*>(in))
                              : cv::Mat(3, 3, CV_64F, const_cast<double*>(in));
    cv::Mat dst;
    cv::Rodrigues(src, dst);
    for (size_t i = 0; i < dst.total(); ++i) out[i] = dst.at<double>(static_cast<int>(i));
    return 0;
  });
}

// cv::calibrateHandEye: n pairs of gripper->base and target->camera motions; solves camera->gripper.
int s2r_cv_calibrate_hand_eye(int32_t n, const double* r_gripper2base, const double* t_gripper2base,
                              const double* r_target2cam, const double* t_target2cam, int32_t method,
                              double* r_cam2gripper, double* t_cam2gripper) {
  return s2r::guarded("calibrateHandEye", [&] {
    std::vector<cv::Mat> rg, tg, rt, tt;
    for (int i = 0; i < n; ++i) {
      rg.push_back(cv::Mat(3, 3, CV_64F, const_cast<double*>(r_gripper2base + 9 * i)).clone());
      tg.push_back(cv::Mat(3, 1, CV_64F, const_cast<double*>(t_gripper2base + 3 * i)).clone());
      rt.push_back(cv::Mat(3, 3, CV_64F, const_cast<double*>(r_target2cam + 9 * i)).clone());
      tt.push_back(cv::Mat(3, 1, CV_64F, const_cast<double*>(t_target2cam + 3 * i)).clone());
    }
    cv::Mat R, t;
    cv::calibrateHandEye(rg, tg, rt, tt, R, t, static_cast<cv::HandEyeCalibrationMethod>(method));
    for (int i = 0; i < 9; ++i) r_cam2gripper[i] = R.at<double>(i / 3, i % 3);
    for (int i = 0; i < 3; ++i) t_cam2gripper[i] = t.at<double>(i);
    return 0;
  });
}

// Detects ArUco markers and interpolates ChArUco corners; returns how many corners (ids, x,y) were written.
// `capacity` is the board's corner count, (squares_x-1)*(squares_y-1).
int s2r_cv_charuco_detect(const s2r_image* gray, int32_t squares_x, int32_t squares_y, double square, double marker,
                          int32_t dictionary, int32_t capacity, int32_t* ids, float* corners) {
  return s2r::guarded("ChArUco detection", [&] {
    auto board = charuco_board(squares_x, squares_y, square, marker, dictionary);
    cv::Mat image = s2r::view(gray);
    std::vector<std::vector<cv::Point2f>> marker_corners;
    std::vector<int> marker_ids;
    cv::aruco::detectMarkers(image, board->dictionary, marker_corners, marker_ids);
    if (marker_ids.empty()) return 0;
    std::vector<cv::Point2f> found;
    std::vector<int> found_ids;
    cv::aruco::interpolateCornersCharuco(marker_corners, marker_ids, image, board, found, found_ids);
    const int n = std::min(static_cast<int>(found.size()), static_cast<int>(capacity));
    for (int i = 0; i < n; ++i) {
      ids[i] = found_ids[i];
      corners[2 * i] = found[i].x;
      corners[2 * i + 1] = found[i].y;
    }
    return n;
  });
}

// Draws a ChArUco board (white margin of margin_px) into a caller-owned 8-bit grey image.
int s2r_cv_charuco_draw(int32_t squares_x, int32_t squares_y, double square, double marker, int32_t dictionary,
                        int32_t margin_px, s2r_image* out) {
  return s2r::guarded("ChArUco drawing", [&] {
    auto board = charuco_board(squares_x, squares_y, square, marker, dictionary);
    cv::Mat drawn;
    board->draw(cv::Size(out->width, out->height), drawn, margin_px, 1);
    cv::Mat d = s2r::view(out);
    drawn.copyTo(d);
    if (d.data != out->data) {
      s2r::set_error("ChArUco drawing: destination must be 8-bit single channel");
      return -1;
    }
    return 0;
  });
}
}
