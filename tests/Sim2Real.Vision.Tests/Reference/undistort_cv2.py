# Reference for UndistortMapsTests: cv2.initUndistortRectifyMap + cv2.remap, written as PNG for byte comparison.
import sys

import cv2
import numpy as np

image, out = sys.argv[1], sys.argv[2]
K, D, P = (np.array([float(v) for v in a.split(",")]) for a in sys.argv[3:6])
raw = cv2.imread(image, cv2.IMREAD_COLOR)
h, w = raw.shape[:2]
mx, my = cv2.initUndistortRectifyMap(K.reshape(3, 3), D, np.eye(3), P.reshape(3, 4)[:, :3], (w, h), cv2.CV_32FC1)
cv2.imwrite(out, cv2.remap(raw, mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT))
print("{}")
