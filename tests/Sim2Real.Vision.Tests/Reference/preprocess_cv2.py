# Reference for FramePreprocessorTests: crop, INTER_AREA resize, BGR to RGB, HWC to CHW in Python cv2 + numpy.
import json
import sys

import cv2

path, x, y, w, h, size = sys.argv[1], *map(int, sys.argv[2:7])
bgr = cv2.imread(path, cv2.IMREAD_COLOR)
small = cv2.resize(bgr[y:y + h, x:x + w], (size, size), interpolation=cv2.INTER_AREA)
chw = cv2.cvtColor(small, cv2.COLOR_BGR2RGB).transpose(2, 0, 1)
print(json.dumps({"chw": chw.ravel().tolist()}))
