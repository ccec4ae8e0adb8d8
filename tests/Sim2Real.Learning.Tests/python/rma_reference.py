"""RMA's networks (Kumar et al., RSS 2021) in torch, to cross-check the C# modules (Sim2Real.Learning.Rma).

mu  (environment-factor encoder): e_t -> Linear 256, ELU, Linear 128, ELU, Linear 8 -> tanh.
phi (adaptation module): [B, k, D] history, oldest first -> per-step Linear D->32, ReLU, Linear 32->32, ReLU ->
    transpose to [B, 32, k] -> Conv1d 32->32 (8/4), ReLU, (5/1), ReLU, (5/1), ReLU -> flatten -> Linear -> tanh.
    When the strides do not tile k, the convolutions read the newest steps (48 of 50).
Weights live in safetensors under state_dict names "mu.*" and "phi.*"; the metadata gives k and the conv stack.

Usage:
  rma_reference.py check WEIGHTS INPUTS OUT [--lr LR]
      z = mu(e), zhat = phi(history), loss = mse(zhat, z) with gradients into both; OUT holds z, zhat, loss, every
      gradient ("grad.mu.0.weight", ...) and the weights after one Adam step on both ("mu.0.weight", ...).
  rma_reference.py adapt WEIGHTS INPUTS K OUT [--lr LR]
      K phase-2 steps: Adam on phi only, loss mse(phi(history), mu(e)) with mu frozen; OUT holds phi's weights
      and the loss of each step ("adapt_loss").
  rma_reference.py init OUT INPUTS PRED --env-dim E --step-dim D --history K [--seed S]
      mu and phi with torch's own default initialization, written to OUT; their outputs on INPUTS to PRED.
  rma_reference.py agent-update CKPT BATCH K OUT
      K DrQ-v2 updates (drqv2_reference.py) of an agent whose encoder is [state, mu(e_t)] over observations
      [state, e_t]; CKPT holds "encoder.mu.*" and the actor and critics. OUT as drqv2_reference.py's update.
"""
import argparse
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import drqv2_reference  # noqa: E402
import safetensors_ref  # noqa: E402

PAPER_CONVS = [(8, 4), (5, 1), (5, 1)]


class Mu(nn.Sequential):
    def __init__(self, env_dim, hidden=(256, 128), z_dim=8):
        layers, inputs = [], env_dim
        for width in hidden:
            layers += [nn.Linear(inputs, width), nn.ELU()]
            inputs = width
        layers.append(nn.Linear(inputs, z_dim))
        super().__init__(*layers)

    def forward(self, e):
        return torch.tanh(super().forward(e))


def receptive_steps(convs, out_len):
    """Input steps that produce out_len output steps through the stack."""
    need = out_len
    for kernel, stride in reversed(convs):
        need = (need - 1) * stride + kernel
    return need


def output_steps(convs, length):
    for kernel, stride in convs:
        length = (length - kernel) // stride + 1 if length >= kernel else 0
    return length


class Phi(nn.Module):
    def __init__(self, step_dim, history, convs=PAPER_CONVS, features=32, z_dim=8):
        super().__init__()
        self.step_mlp = nn.Sequential(nn.Linear(step_dim, features), nn.ReLU(), nn.Linear(features, features), nn.ReLU())
        layers = []
        for kernel, stride in convs:
            layers += [nn.Conv1d(features, features, kernel, stride=stride), nn.ReLU()]
        self.conv = nn.Sequential(*layers)
        out_len = output_steps(convs, history)
        assert out_len >= 1, f"history {history} does not fit {convs}"
        self.used = receptive_steps(convs, out_len)
        self.head = nn.Linear(features * out_len, z_dim)

    def forward(self, history):
        x = self.step_mlp(history[:, history.shape[1] - self.used:])
        x = self.conv(x.transpose(1, 2))
        return torch.tanh(self.head(x.flatten(1)))


def parse_convs(text):
    return [tuple(int(v) for v in part.strip().split("/")) for part in text.split(",")]


def part(tensors, prefix):
    return {k[len(prefix):]: v.clone() for k, v in tensors.items() if k.startswith(prefix)}


def build(path):
    tensors, metadata, _ = safetensors_ref.load(path)
    metadata = metadata or {}
    mu_state, phi_state = part(tensors, "mu."), part(tensors, "phi.")
    linears = sorted(int(k.split(".")[0]) for k in mu_state if k.endswith(".weight"))
    hidden = [mu_state[f"{i}.weight"].shape[0] for i in linears[:-1]]
    env_dim = mu_state["0.weight"].shape[1]
    z_dim = mu_state[f"{linears[-1]}.weight"].shape[0]
    mu = Mu(env_dim, hidden, z_dim)
    mu.load_state_dict(mu_state, strict=True)
    convs = parse_convs(metadata["rma.temporal_convs"]) if "rma.temporal_convs" in metadata else PAPER_CONVS
    features, step_dim = phi_state["step_mlp.0.weight"].shape
    phi = Phi(step_dim, int(metadata["rma.history_length"]), convs, features, z_dim)
    phi.load_state_dict(phi_state, strict=True)
    return mu, phi


def weights(mu, phi):
    out = {f"mu.{k}": v.detach().clone() for k, v in mu.state_dict().items()}
    out.update({f"phi.{k}": v.detach().clone() for k, v in phi.state_dict().items()})
    return out


def check(args):
    mu, phi = build(args.paths[0])
    inputs, _, _ = safetensors_ref.load(args.paths[1])
    z = mu(inputs["env_factors"])
    z_hat = phi(inputs["history"])
    loss = F.mse_loss(z_hat, z)
    params = list(mu.named_parameters(prefix="mu")) + list(phi.named_parameters(prefix="phi"))
    opt = torch.optim.Adam([p for _, p in params], lr=args.lr)
    opt.zero_grad(set_to_none=True)
    loss.backward()
    out = {"z": z.detach().clone(), "z_hat": z_hat.detach().clone(), "loss": torch.tensor([loss.item()], dtype=torch.float64)}
    out.update({f"grad.{name}": p.grad.clone() for name, p in params})
    opt.step()
    out.update(weights(mu, phi))
    safetensors_ref.save(args.paths[2], out)


def adapt(args):
    mu, phi = build(args.paths[0])
    inputs, _, _ = safetensors_ref.load(args.paths[1])
    k = int(args.paths[2])
    opt = torch.optim.Adam(phi.parameters(), lr=args.lr)
    losses = []
    for _ in range(k):
        with torch.no_grad():
            target = mu(inputs["env_factors"])
        loss = F.mse_loss(phi(inputs["history"]), target)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    out = {k2: v for k2, v in weights(mu, phi).items() if k2.startswith("phi.")}
    out["adapt_loss"] = torch.tensor(losses, dtype=torch.float64)
    safetensors_ref.save(args.paths[3], out)


def init(args):
    torch.manual_seed(args.seed)
    mu, phi = Mu(args.env_dim), Phi(args.step_dim, args.history)
    metadata = {"format": "pt", "rma.env_factor_dim": str(args.env_dim), "rma.history_length": str(args.history),
                "rma.temporal_convs": ", ".join(f"{k}/{s}" for k, s in PAPER_CONVS)}
    safetensors_ref.save(args.paths[0], weights(mu, phi), metadata)
    inputs, _, _ = safetensors_ref.load(args.paths[1])
    with torch.no_grad():
        pred = {"z": mu(inputs["env_factors"]), "z_hat": phi(inputs["history"])}
    safetensors_ref.save(args.paths[2], pred)


class StateEncoder(nn.Module):
    """RMA's encoder for state observations [state, e_t]: the state as it is, then z = mu(e_t)."""

    def __init__(self, state_dim, mu):
        super().__init__()
        self.state_dim = state_dim
        self.mu = mu

    def forward(self, obs):
        return torch.cat([obs[:, :self.state_dim], self.mu(obs[:, self.state_dim:])], dim=1)


def agent_update(args):
    tensors, _, _ = safetensors_ref.load(args.paths[0])
    mu_state = part(tensors, "encoder.mu.")
    linears = sorted(int(k.split(".")[0]) for k in mu_state if k.endswith(".weight"))
    mu = Mu(mu_state["0.weight"].shape[1], [mu_state[f"{i}.weight"].shape[0] for i in linears[:-1]],
            mu_state[f"{linears[-1]}.weight"].shape[0])
    mu.load_state_dict(mu_state, strict=True)
    z_dim = mu_state[f"{linears[-1]}.weight"].shape[0]
    # The reference agent builds an identity encoder when the checkpoint has no pixel encoder; swap in RMA's,
    # trained by the critic loss through its own Adam as the reference trains its pixel encoder.
    agent = drqv2_reference.Agent({k: v for k, v in tensors.items() if not k.startswith("encoder.")})
    repr_dim = tensors["actor.trunk.0.weight"].shape[1]
    agent.encoder = StateEncoder(repr_dim - z_dim, mu)
    agent.encoder_opt = torch.optim.Adam(agent.encoder.parameters(), lr=1e-4)
    batch, _, _ = safetensors_ref.load(args.paths[1])
    k = int(args.paths[2])
    losses = [agent.update(batch, 0.0, False) for _ in range(k)]
    out = agent.state()
    out["critic_loss"] = torch.tensor([c for c, _ in losses], dtype=torch.float64)
    out["actor_loss"] = torch.tensor([a for _, a in losses], dtype=torch.float64)
    safetensors_ref.save(args.paths[3], out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["check", "adapt", "init", "agent-update"])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--env-dim", type=int)
    parser.add_argument("--step-dim", type=int)
    parser.add_argument("--history", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.set_num_threads(1)
    {"check": check, "adapt": adapt, "init": init, "agent-update": agent_update}[args.mode](args)


if __name__ == "__main__":
    main()
