# Reference for IntrinsicsCalibratorTests: the same chessboard calibration in Python cv2, printed as JSON.
# Same steps and parameters as Sim2Real.Vision.Calibration.Chessboard and IntrinsicsCalibrator.
import json
import sys

import cv2
import numpy as np

cols, rows, square = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
paths = sys.argv[4:]
objp = np.zeros((cols * rows, 3), np.float32)
objp[:, :2] = np.mgrid[0:cols, 0:rows].T.reshape(-1, 2) * square
flags = cv2.CALIB_CB_ADAPTIVE_THRESH | cv2.CALIB_CB_NORMALIZE_IMAGE | cv2.CALIB_CB_FAST_CHECK
obj, img, used, size = [], [], [], None
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
    used.append(path)
rms, K, D, _, _, _, _, per_view = cv2.calibrateCameraExtended(obj, img, size, None, None, flags=0)
P = cv2.getOptimalNewCameraMatrix(K, D, size, 0.0)[0]
print(json.dumps({"rms": rms, "K": K.ravel().tolist(), "D": D.ravel().tolist(), "P": P.ravel().tolist(),
                  "used": used, "per_view": per_view.ravel().tolist()}))
