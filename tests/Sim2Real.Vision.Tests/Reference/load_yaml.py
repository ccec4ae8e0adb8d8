# Reference for CameraInfoYamlTests: loads a camera_info YAML with PyYAML (as ROS tools do) and echoes it as JSON.
import json
import sys

import yaml

with open(sys.argv[1]) as f:
    print(json.dumps(yaml.safe_load(f)))
