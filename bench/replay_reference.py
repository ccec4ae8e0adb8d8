"""Reference for `./sim2real agent replay-bench`: DrQ-v2's replay sampling as its public implementation does it
(facebookresearch/drqv2 replay_buffer.py), re-written here for timing: episodes held in memory as numpy arrays
of frame-stacked observations [T+1, 3k, H, W] uint8, one transition per `sample()` (uniform episode, uniform
start, n-step reward/discount loop), batched by torch's DataLoader default collate in this process.

Prints one JSON object: batches/s and transitions/s over --seconds of sampling after a warm-up.
"""
import argparse
import json
import random
import resource
import time

import numpy as np
import torch
from torch.utils.data import DataLoader, IterableDataset


def make_episodes(steps, episode_length, stack, height, width, action_dim):
    episodes, made = [], 0
    while made < steps:
        length = min(episode_length, steps - made)  # transitions; the episode holds length + 1 observations
        index = np.arange(made, made + length + 1)
        obs = np.empty((length + 1, 3 * stack, height, width), dtype=np.uint8)
        obs[:] = (index % 256).astype(np.uint8)[:, None, None, None]
        episodes.append({
            "observation": obs,
            "action": np.zeros((length + 1, action_dim), dtype=np.float32),
            "reward": np.ones((length + 1, 1), dtype=np.float32),
            "discount": np.ones((length + 1, 1), dtype=np.float32),
        })
        made += length + 1
    return episodes


class EpisodeReplay(IterableDataset):
    def __init__(self, episodes, nstep, discount):
        self.episodes, self.nstep, self.discount = episodes, nstep, discount

    def sample(self):
        episode = random.choice(self.episodes)
        transitions = episode["observation"].shape[0] - 1
        idx = np.random.randint(0, transitions - self.nstep + 1) + 1
        obs = episode["observation"][idx - 1]
        action = episode["action"][idx]
        next_obs = episode["observation"][idx + self.nstep - 1]
        reward = np.zeros_like(episode["reward"][idx])
        discount = np.ones_like(episode["discount"][idx])
        for i in range(self.nstep):
            reward += discount * episode["reward"][idx + i]
            discount *= episode["discount"][idx + i] * self.discount
        return obs, action, reward, discount, next_obs

    def __iter__(self):
        while True:
            yield self.sample()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--stack", type=int, default=3)
    parser.add_argument("--nstep", type=int, default=3)
    parser.add_argument("--discount", type=float, default=0.99)
    parser.add_argument("--size", type=int, default=84)
    parser.add_argument("--action-dim", type=int, default=6)
    parser.add_argument("--episode-length", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(1)
    episodes = make_episodes(args.steps, args.episode_length, args.stack, args.size, args.size, args.action_dim)
    loader = iter(DataLoader(EpisodeReplay(episodes, args.nstep, args.discount), batch_size=args.batch, num_workers=0))
    for _ in range(3):
        next(loader)
    batches, start = 0, time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        obs, action, reward, discount, next_obs = next(loader)
        batches += 1
    elapsed = time.perf_counter() - start
    print(json.dumps({
        "batches_per_s": batches / elapsed,
        "transitions_per_s": batches * args.batch / elapsed,
        "batches": batches,
        "seconds": elapsed,
        "steps": sum(e["observation"].shape[0] for e in episodes),
        "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "torch": torch.__version__,
        "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main()
