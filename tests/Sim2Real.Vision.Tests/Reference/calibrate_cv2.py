# Reference for IntrinsicsCalibratorTests: the chessboard calibration of bench/cv2_chessboard.py (copied beside this
# script at build), printed as JSON.
import json
import sys

from cv2_chessboard import calibrate

cols, rows, square = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
result = calibrate(sys.argv[4:], cols, rows, square)
print(json.dumps({"rms": result["rms"], "K": result["K"].ravel().tolist(), "D": result["D"].ravel().tolist(),
                  "P": result["P"].ravel().tolist(), "used": result["used"], "per_view": result["per_view"].ravel().tolist()}))
