# Python cv2 reference for `./sim2real vision bench`: the same preprocessing, the same video read and the same
# chessboard calibration, timed the same way, so the C# figures can be read as ratios. Prints JSON.
#   python3 bench/vision_reference.py FRAME.png CAMERA_K CAMERA_D CAMERA_P CROP(x,y,w,h) ITERATIONS VIDEO.mp4 \
#       BOARDS(comma-separated paths) CALIBRATION_REPEATS
import json
import sys
import time

import cv2
import numpy as np

frame_path, k, d, p, crop, iterations, video, boards, repeats = sys.argv[1:10]
K = np.array([float(v) for v in k.split(",")]).reshape(3, 3)
D = np.array([float(v) for v in d.split(",")])
P = np.array([float(v) for v in p.split(",")]).reshape(3, 4)[:, :3].copy()
x, y, w, h = (int(v) for v in crop.split(","))
iterations = int(iterations)
frame = cv2.imread(frame_path, cv2.IMREAD_COLOR)
P[0, 2] -= x
P[1, 2] -= y
mx, my = cv2.convertMaps(*cv2.initUndistortRectifyMap(K, D, np.eye(3), P, (w, h), cv2.CV_32FC1), cv2.CV_16SC2)
stack = [np.zeros((3, 84, 84), np.uint8)] * 3


def preprocess(bgr):
    undistorted = cv2.remap(bgr, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    small = cv2.resize(undistorted, (84, 84), interpolation=cv2.INTER_AREA)
    return cv2.cvtColor(small, cv2.COLOR_BGR2RGB).transpose(2, 0, 1)


times = []
for i in range(iterations + 100):
    t0 = time.perf_counter()
    stack = stack[1:] + [preprocess(frame)]
    obs = np.concatenate(stack, axis=0)
    t1 = time.perf_counter()
    if i >= 100:
        times.append((t1 - t0) * 1e6)

# read() as users call it, then grab() and retrieve() apart: the C# stream stamps a frame after grab, so its
# grab-to-OnNext latency compares like for like with retrieve(), and its full cost with read().
cap = cv2.VideoCapture(video, cv2.CAP_FFMPEG)
reads = []
while True:
    t0 = time.perf_counter()
    ok, img = cap.read()
    t1 = time.perf_counter()
    if not ok:
        break
    reads.append((t1 - t0) * 1e6)
cap.release()
cap = cv2.VideoCapture(video, cv2.CAP_FFMPEG)
grabs, retrieves = [], []
while True:
    t0 = time.perf_counter()
    if not cap.grab():
        break
    t1 = time.perf_counter()
    ok, img = cap.retrieve()
    t2 = time.perf_counter()
    grabs.append((t1 - t0) * 1e6)
    retrieves.append((t2 - t1) * 1e6)
cap.release()


# The steps of Sim2Real.Vision's Chessboard and IntrinsicsCalibrator (and Reference/calibrate_cv2.py in the tests).
def calibrate(paths, cols=9, rows=6, square=0.025):
    objp = np.zeros((cols * rows, 3), np.float32)
    objp[:, :2] = np.mgrid[0:cols, 0:rows].T.reshape(-1, 2) * square
    flags = cv2.CALIB_CB_ADAPTIVE_THRESH | cv2.CALIB_CB_NORMALIZE_IMAGE | cv2.CALIB_CB_FAST_CHECK
    obj, img, size = [], [], None
    for path in paths:
        gray = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        size = gray.shape[::-1]
        found, corners = cv2.findChessboardCorners(gray, (cols, rows), flags=flags)
        if not found:
            continue
        grid = corners.reshape(rows, cols, 2).astype(np.float64)
        spacing = min(np.linalg.norm(np.diff(grid, axis=1), axis=2).min(), np.linalg.norm(np.diff(grid, axis=0), axis=2).min())
        half = int(min(max(int(spacing * 0.4), 2), 11))
        corners = cv2.cornerSubPix(gray, corners, (half, half), (-1, -1),
                                   (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_COUNT, 30, 0.001))
        obj.append(objp)
        img.append(corners)
    rms, K, D, _, _, _, _, _ = cv2.calibrateCameraExtended(obj, img, size, None, None, flags=0)
    cv2.getOptimalNewCameraMatrix(K, D, size, 0.0)
    return rms, K, len(obj)


board_paths = boards.split(",")
calibrate_ms = []
for _ in range(int(repeats)):
    t0 = time.perf_counter()
    rms, Kc, used = calibrate(board_paths)
    calibrate_ms.append((time.perf_counter() - t0) * 1e3)

print(json.dumps({"preprocess_us": times, "read_us": reads, "grab_us": grabs, "retrieve_us": retrieves,
                  "obs_shape": list(obs.shape), "calibrate_ms": calibrate_ms,
                  "calibration": {"views": used, "rms": rms, "fx": Kc[0, 0], "fy": Kc[1, 1], "cx": Kc[0, 2], "cy": Kc[1, 2]},
                  "version": cv2.__version__}))
