# The steps of Sim2Real.Vision's Chessboard and IntrinsicsCalibrator in Python cv2, with the same parameters: the one
# reference calibration that bench/vision_reference.py times and the Vision tests' Reference/calibrate_cv2.py checks
# against (the test project copies this file beside its scripts).
import cv2
import numpy as np

FLAGS = cv2.CALIB_CB_ADAPTIVE_THRESH | cv2.CALIB_CB_NORMALIZE_IMAGE | cv2.CALIB_CB_FAST_CHECK
SUBPIX_CRITERIA = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_COUNT, 30, 0.001)


def calibrate(paths, cols=9, rows=6, square=0.025):
    """Finds the board in each image (skipping those without it) and calibrates; returns a dict of the results."""
    objp = np.zeros((cols * rows, 3), np.float32)
    objp[:, :2] = np.mgrid[0:cols, 0:rows].T.reshape(-1, 2) * square
    obj, img, used, size = [], [], [], None
    for path in paths:
        gray = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        size = gray.shape[::-1]
        found, corners = cv2.findChessboardCorners(gray, (cols, rows), flags=FLAGS)
        if not found:
            continue
        # The refinement window follows the board's size in the image, as Chessboard's does.
        grid = corners.reshape(rows, cols, 2).astype(np.float64)
        spacing = min(np.linalg.norm(np.diff(grid, axis=1), axis=2).min(), np.linalg.norm(np.diff(grid, axis=0), axis=2).min())
        half = int(min(max(int(spacing * 0.4), 2), 11))
        corners = cv2.cornerSubPix(gray, corners, (half, half), (-1, -1), SUBPIX_CRITERIA)
        obj.append(objp)
        img.append(corners)
        used.append(path)
    rms, K, D, _, _, _, _, per_view = cv2.calibrateCameraExtended(obj, img, size, None, None, flags=0)
    P = cv2.getOptimalNewCameraMatrix(K, D, size, 0.0)[0]
    return {"rms": rms, "K": K, "D": D, "P": P, "used": used, "per_view": per_view}
