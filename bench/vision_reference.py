# Python cv2 reference for `./sim2real vision bench`: the same preprocessing, the same video read and the same
# chessboard calibration, timed the same way, so the C# figures can be read as ratios. Prints JSON.
#   python3 bench/vision_reference.py FRAME.png CAMERA_K CAMERA_D CAMERA_P CROP(x,y,w,h) ITERATIONS VIDEO.mp4 \
#       BOARDS(comma-separated paths) CALIBRATION_REPEATS
import json
import sys
import time

import cv2
import numpy as np

from cv2_chessboard import calibrate

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


board_paths = boards.split(",")
calibrate_ms = []
for _ in range(int(repeats)):
    t0 = time.perf_counter()
    calibration = calibrate(board_paths)
    calibrate_ms.append((time.perf_counter() - t0) * 1e3)

Kc = calibration["K"]
print(json.dumps({"preprocess_us": times, "read_us": reads, "grab_us": grabs, "retrieve_us": retrieves,
                  "obs_shape": list(obs.shape), "calibrate_ms": calibrate_ms,
                  "calibration": {"views": len(calibration["used"]), "rms": calibration["rms"], "fx": Kc[0, 0], "fy": Kc[1, 1], "cx": Kc[0, 2], "cy": Kc[1, 2]},
                  "version": cv2.__version__}))
