"""DrQ-v2 as the reference implementation (facebookresearch/drqv2, drqv2.py + utils.py) defines it, in torch, to
cross-check the C# agent. Networks, update order and random draws follow the reference; weights come from a
safetensors checkpoint written by C#, so both sides start from identical tensors.

Usage:
  drqv2_reference.py update CKPT BATCH K OUT [--stddev S] [--no-augment] [--seed N] [--threads T]
      K updates (critic, actor, target EMA) on BATCH; OUT holds the updated agent and the losses per update.
  drqv2_reference.py act CKPT OBS OUT       deterministic (mean) actions for OBS['obs'] as OUT['action'].
  drqv2_reference.py bench CKPT BATCH K [--threads T] [--channels-last] [--bf16]
      times K updates after one warm-up; prints 'python update ms: mean p50 min'. --channels-last puts the encoder's
      weights and input in torch.channels_last; --bf16 runs the encoder under CPU autocast to bfloat16 (features cast
      back to fp32), as the C# agent's bf16 precision does.
"""
import argparse
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_ref  # noqa: E402


def shift(x, pad):
    n, _, h, w = x.size()
    assert h == w
    x = F.pad(x, (pad, pad, pad, pad), "replicate")
    eps = 1.0 / (h + 2 * pad)
    line = torch.linspace(-1.0 + eps, 1.0 - eps, h + 2 * pad, device=x.device, dtype=x.dtype)[:h]
    line = line.unsqueeze(0).repeat(h, 1).unsqueeze(2)
    grid = torch.cat([line, line.transpose(1, 0)], dim=2).unsqueeze(0).repeat(n, 1, 1, 1)
    offset = torch.randint(0, 2 * pad + 1, size=(n, 1, 1, 2), device=x.device, dtype=x.dtype)
    offset *= 2.0 / (h + 2 * pad)
    return F.grid_sample(x, grid + offset, padding_mode="zeros", align_corners=False)


class Encoder(nn.Module):
    channels_last = False
    bf16 = False

    def __init__(self, channels):
        super().__init__()
        self.convnet = nn.Sequential(nn.Conv2d(channels, 32, 3, stride=2), nn.ReLU(), nn.Conv2d(32, 32, 3), nn.ReLU(),
                                     nn.Conv2d(32, 32, 3), nn.ReLU(), nn.Conv2d(32, 32, 3), nn.ReLU())

    def forward(self, obs):
        if not (self.channels_last or self.bf16):
            h = self.convnet(obs / 255.0 - 0.5)
            return h.view(h.shape[0], -1)
        x = obs / 255.0 - 0.5
        if self.channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
            h = self.convnet(x)
        return h.reshape(h.shape[0], -1).float()


def mlp(inputs, hidden, outputs):
    return nn.Sequential(nn.Linear(inputs, hidden), nn.ReLU(inplace=True), nn.Linear(hidden, hidden),
                         nn.ReLU(inplace=True), nn.Linear(hidden, outputs))


def trunk(repr_dim, feature_dim):
    return nn.Sequential(nn.Linear(repr_dim, feature_dim), nn.LayerNorm(feature_dim), nn.Tanh())


class Actor(nn.Module):
    def __init__(self, repr_dim, action_dim, feature_dim, hidden_dim):
        super().__init__()
        self.trunk = trunk(repr_dim, feature_dim)
        self.policy = mlp(feature_dim, hidden_dim, action_dim)

    def forward(self, obs):
        return torch.tanh(self.policy(self.trunk(obs)))


class Critic(nn.Module):
    def __init__(self, repr_dim, action_dim, feature_dim, hidden_dim):
        super().__init__()
        self.trunk = trunk(repr_dim, feature_dim)
        self.Q1 = mlp(feature_dim + action_dim, hidden_dim, 1)
        self.Q2 = mlp(feature_dim + action_dim, hidden_dim, 1)

    def forward(self, obs, action):
        h = torch.cat([self.trunk(obs), action], dim=-1)
        return self.Q1(h), self.Q2(h)


def sample(mu, stddev, clip):
    """TruncatedNormal(mu, stddev).sample(clip): clipped noise, clamp with a straight-through gradient."""
    scale = torch.ones_like(mu) * stddev
    eps = torch.empty(mu.shape, dtype=mu.dtype, device=mu.device).normal_()
    eps *= scale
    if clip is not None:
        eps = torch.clamp(eps, -clip, clip)
    x = mu + eps
    clamped = torch.clamp(x, -1.0 + 1e-6, 1.0 - 1e-6)
    return x - x.detach() + clamped.detach()


class Agent:
    def __init__(self, tensors, lr=1e-4, tau=0.01, stddev_clip=0.3):
        w = tensors["actor.trunk.0.weight"]
        feature_dim, repr_dim = w.shape
        hidden_dim = tensors["actor.policy.0.weight"].shape[0]
        action_dim = tensors["actor.policy.4.weight"].shape[0]
        self.pixels = "encoder.convnet.0.weight" in tensors
        self.encoder = Encoder(tensors["encoder.convnet.0.weight"].shape[1]) if self.pixels else nn.Identity()
        self.actor = Actor(repr_dim, action_dim, feature_dim, hidden_dim)
        self.critic = Critic(repr_dim, action_dim, feature_dim, hidden_dim)
        self.critic_target = Critic(repr_dim, action_dim, feature_dim, hidden_dim)
        for part in ("encoder", "actor", "critic", "critic_target"):
            module = getattr(self, part)
            state = {k[len(part) + 1:]: v.clone() for k, v in tensors.items() if k.startswith(part + ".")}
            module.load_state_dict(state, strict=True)
        self.encoder_opt = torch.optim.Adam(self.encoder.parameters(), lr=lr) if self.pixels else None
        self.actor_opt = torch.optim.Adam(self.actor.parameters(), lr=lr)
        self.critic_opt = torch.optim.Adam(self.critic.parameters(), lr=lr)
        self.tau, self.stddev_clip = tau, stddev_clip

    def state(self):
        out = {}
        for part in ("encoder", "actor", "critic", "critic_target"):
            for k, v in getattr(self, part).state_dict().items():
                out[f"{part}.{k}"] = v.detach().clone()
        return out

    def update_critic(self, obs, action, reward, discount, next_obs, stddev):
        with torch.no_grad():
            next_action = sample(self.actor(next_obs), stddev, self.stddev_clip)
            target_q1, target_q2 = self.critic_target(next_obs, next_action)
            target_q = reward + discount * torch.min(target_q1, target_q2)
        q1, q2 = self.critic(obs, action)
        loss = F.mse_loss(q1, target_q) + F.mse_loss(q2, target_q)
        if self.encoder_opt is not None:
            self.encoder_opt.zero_grad(set_to_none=True)
        self.critic_opt.zero_grad(set_to_none=True)
        loss.backward()
        self.critic_opt.step()
        if self.encoder_opt is not None:
            self.encoder_opt.step()
        return loss.item()

    def update_actor(self, obs, stddev):
        action = sample(self.actor(obs), stddev, self.stddev_clip)
        q1, q2 = self.critic(obs, action)
        loss = -torch.min(q1, q2).mean()
        self.actor_opt.zero_grad(set_to_none=True)
        loss.backward()
        self.actor_opt.step()
        return loss.item()

    def update(self, batch, stddev, augment):
        obs, next_obs = batch["obs"].float(), batch["next_obs"].float()
        if self.pixels and augment:
            obs, next_obs = shift(obs, 4), shift(next_obs, 4)
        obs = self.encoder(obs)
        with torch.no_grad():
            next_obs = self.encoder(next_obs)
        critic_loss = self.update_critic(obs, batch["action"], batch["reward"], batch["discount"], next_obs, stddev)
        actor_loss = self.update_actor(obs.detach(), stddev)
        with torch.no_grad():
            for p, t in zip(self.critic.parameters(), self.critic_target.parameters()):
                t.data.copy_(self.tau * p.data + (1 - self.tau) * t.data)
        return critic_loss, actor_loss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["update", "act", "bench"])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--stddev", type=float, default=0.0)
    parser.add_argument("--no-augment", action="store_true")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--channels-last", action="store_true")
    parser.add_argument("--bf16", action="store_true")
    args = parser.parse_args()
    Encoder.channels_last, Encoder.bf16 = args.channels_last, args.bf16
    torch.set_num_threads(args.threads)
    tensors, _, _ = safetensors_ref.load(args.paths[0])
    agent = Agent(tensors)
    if args.mode == "act":
        obs, _, _ = safetensors_ref.load(args.paths[1])
        with torch.no_grad():
            action = agent.actor(agent.encoder(obs["obs"].float()))
        safetensors_ref.save(args.paths[2], {"action": action.contiguous()})
        return
    batch, _, _ = safetensors_ref.load(args.paths[1])
    k = int(args.paths[2])
    if args.mode == "bench":
        if args.channels_last and agent.pixels:
            agent.encoder.to(memory_format=torch.channels_last)
        agent.update(batch, 0.2, True)
        times = []
        cpu_start = time.process_time()
        for _ in range(k):
            start = time.perf_counter()
            agent.update(batch, 0.2, True)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        cpu_ms = (time.process_time() - cpu_start) * 1000 / k
        variant = " ".join(f for f, on in (("channels_last", args.channels_last), ("bf16", args.bf16)) if on)
        print(f"python{' ' + variant if variant else ''} update ms: mean {sum(times) / len(times):.1f} p50 {times[len(times) // 2]:.1f} min {times[0]:.1f}"
              f" cpu-ms/update {cpu_ms:.0f}")
        return
    if args.seed is not None:
        torch.manual_seed(args.seed)
    losses = [agent.update(batch, args.stddev, not args.no_augment) for _ in range(k)]
    out = agent.state()
    out["critic_loss"] = torch.tensor([c for c, _ in losses], dtype=torch.float64)
    out["actor_loss"] = torch.tensor([a for _, a in losses], dtype=torch.float64)
    safetensors_ref.save(args.paths[3], out)


if __name__ == "__main__":
    main()
