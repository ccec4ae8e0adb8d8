# Reference for IntrinsicsCalibratorTests: Python cv2 solving the corners C# detected (a JSON list of views, each
# x,y pairs), so the solve is compared apart from the detection. Same solve as calibrate_cv2.py.
import json
import sys

import cv2
import numpy as np

cols, rows, square, width, height = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
with open(sys.argv[6]) as f:
    views = [np.array(v, np.float32).reshape(-1, 1, 2) for v in json.load(f)]
objp = np.zeros((cols * rows, 3), np.float32)
objp[:, :2] = np.mgrid[0:cols, 0:rows].T.reshape(-1, 2) * square
rms, K, D, _, _, _, _, per_view = cv2.calibrateCameraExtended([objp] * len(views), views, (width, height), None, None, flags=0)
P = cv2.getOptimalNewCameraMatrix(K, D, (width, height), 0.0)[0]
print(json.dumps({"rms": rms, "K": K.ravel().tolist(), "D": D.ravel().tolist(), "P": P.ravel().tolist(),
                  "per_view": per_view.ravel().tolist()}))
