"""Expected DrQ-v2 replay samples, computed the reference's way (facebookresearch/drqv2): observations
frame-stacked by a deque filled with the reset frame (FrameStackWrapper), episodes stored as arrays with a dummy
first transition, and every (episode, idx) the reference's sampler can draw with its n-step reward and discount
accumulated in numpy float32. Frames are represented by their global step ids.

Usage: replay_ref.py SPEC.json  -> prints JSON list of {obs, next, action, reward_bits, discount_bits}
SPEC: {"stack": k, "nstep": n, "discount": gamma, "episodes": [{"rewards": [...], "discounts": [...]}]}
"""
import collections
import json
import sys

import numpy as np


def main(path):
    with open(path) as f:
        spec = json.load(f)
    k, nstep, gamma = spec["stack"], spec["nstep"], spec["discount"]
    samples, step = [], 0
    for ep in spec["episodes"]:
        frames = collections.deque(maxlen=k)
        observation, action, reward, discount = [], [], [], []
        for i in range(len(ep["rewards"]) + 1):
            if i == 0:
                for _ in range(k):
                    frames.append(step)
                action.append(np.zeros(1, np.float32))
                reward.append(np.zeros(1, np.float32))
                discount.append(np.ones(1, np.float32))
            else:
                frames.append(step)
                action.append(np.full(1, step, np.float32))
                reward.append(np.full(1, ep["rewards"][i - 1], np.float32))
                discount.append(np.full(1, ep["discounts"][i - 1], np.float32))
            observation.append(list(frames))
            step += 1
        episode = {"observation": np.array(observation), "action": np.array(action, np.float32),
                   "reward": np.array(reward, np.float32), "discount": np.array(discount, np.float32)}
        length = episode["observation"].shape[0] - 1
        for idx in range(1, length - nstep + 2):
            r = np.zeros_like(episode["reward"][idx])
            d = np.ones_like(episode["discount"][idx])
            for i in range(nstep):
                r += d * episode["reward"][idx + i]
                d *= episode["discount"][idx + i] * gamma
            samples.append({
                "obs": episode["observation"][idx - 1].tolist(),
                "next": episode["observation"][idx + nstep - 1].tolist(),
                "action": float(episode["action"][idx][0]),
                "reward_bits": int(r.view(np.uint32)[0]),
                "discount_bits": int(d.view(np.uint32)[0]),
            })
    print(json.dumps(samples))


if __name__ == "__main__":
    main(sys.argv[1])
