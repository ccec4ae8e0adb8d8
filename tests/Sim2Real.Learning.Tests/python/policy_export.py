"""Exports a DrQ-v2 state policy (identity encoder + actor, the mean action) the way other trainers ship theirs, from
the very weights of a policy file written by C#, to cross-check the ONNX and TorchScript policies against the bundle:
torch.onnx.export as Isaac Lab's exporter calls it (input 'obs', output 'actions', opset 11, batch 1), the same with a
dynamic batch, torch.jit.script as legged_gym's export_policy_as_jit does, and torch.jit.trace.

Usage:
  policy_export.py export POLICY.safetensors OBS.safetensors OUT_DIR
      OUT_DIR/policy.onnx, policy_dynamic.onnx, policy_1.pt (scripted), policy_traced.pt, and actions_torch.safetensors
      holding this script's own actions for OBS['obs'] [N, D] as 'action' [N, A].
  policy_export.py broken OUT_DIR D A
      small models that do not fit a sidecar of D observations and A actions (names, sizes, dtypes, extra inputs),
      and one that divides by zero (non-finite outputs): ONNX graphs in OUT_DIR/onnx, TorchScript in OUT_DIR/torchscript
      (each directory gets its own sidecars, so the same names may appear in both).
  policy_export.py bench POLICY.safetensors CALLS
      PyTorch's act latency at batch 1 (eager actor, no_grad, 1 thread), the reference for the C# policies' bench.
"""
import json
import os
import sys
import time

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_ref  # noqa: E402
from drqv2_reference import Actor  # noqa: E402


def load_actor(path):
    tensors, metadata, _ = safetensors_ref.load(path)
    manifest = json.loads(metadata["sim2real.policy"])
    agent, actions = manifest["agent"], manifest["action_size"]
    assert len(agent["obs_shape"]) == 1, "a state policy"
    actor = Actor(agent["obs_shape"][0], actions, agent["feature_dim"], agent["hidden_dim"])
    actor.load_state_dict({k[len("actor."):]: v for k, v in tensors.items() if k.startswith("actor.")})
    return actor.eval(), agent["obs_shape"][0]


def onnx(module, example, path, dynamic, input_name="obs", output_name="actions", extra_inputs=()):
    names = [input_name, *extra_inputs]
    args = example if not extra_inputs else (example, *[torch.zeros(1, 4) for _ in extra_inputs])
    torch.onnx.export(module, args, path, input_names=names, output_names=[output_name], opset_version=11,
                      dynamic_axes={input_name: {0: "batch"}, output_name: {0: "batch"}} if dynamic else {})


def export(policy, observations, out):
    actor, state = load_actor(policy)
    obs = safetensors_ref.load(observations)[0]["obs"]
    assert obs.shape[1] == state
    example = torch.zeros(1, state)
    with torch.no_grad():
        onnx(actor, example, os.path.join(out, "policy.onnx"), dynamic=False)
        onnx(actor, example, os.path.join(out, "policy_dynamic.onnx"), dynamic=True)
        torch.jit.script(actor).save(os.path.join(out, "policy_1.pt"))
        torch.jit.trace(actor, example).save(os.path.join(out, "policy_traced.pt"))
        actions = actor(obs)
    safetensors_ref.save(os.path.join(out, "actions_torch.safetensors"), {"action": actions.contiguous()})
    print(f"exported actor [{state}] -> [{actions.shape[1]}] and acted on {obs.shape[0]} observations")


class Linear(nn.Module):
    """obs -> actions through one layer, with the output's dtype and the input's size chosen to misfit."""

    def __init__(self, inputs, outputs, dtype=torch.float32):
        super().__init__()
        self.layer = nn.Linear(inputs, outputs)
        self.dtype = dtype

    def forward(self, obs):
        return self.layer(obs).to(self.dtype)


class TwoInputs(nn.Module):
    """A recurrent policy's shape: it also needs a hidden state."""

    def __init__(self, inputs, outputs):
        super().__init__()
        self.layer = nn.Linear(inputs + 4, outputs)

    def forward(self, obs, h_in):
        return self.layer(torch.cat([obs, h_in], dim=-1))


class DivideByZero(nn.Module):
    """+inf, -inf and NaN for positive, negative and zero observations: the first A observations over zero."""

    def __init__(self, outputs):
        super().__init__()
        self.outputs = outputs

    def forward(self, obs):
        return obs[:, : self.outputs] / torch.zeros(1)


def broken(out, state, actions):
    example = torch.zeros(1, state)
    graphs, scripts = os.path.join(out, "onnx"), os.path.join(out, "torchscript")
    os.makedirs(graphs, exist_ok=True)
    os.makedirs(scripts, exist_ok=True)
    with torch.no_grad():
        onnx(Linear(state, actions), example, os.path.join(graphs, "wrong_input_name.onnx"), True, input_name="observations")
        onnx(Linear(state, actions), example, os.path.join(graphs, "wrong_output_name.onnx"), True, output_name="mu")
        onnx(Linear(state + 1, actions), torch.zeros(1, state + 1), os.path.join(graphs, "wrong_input_size.onnx"), True)
        onnx(Linear(state, actions + 1), example, os.path.join(graphs, "wrong_action_size.onnx"), True)
        onnx(Linear(state, actions, torch.float64), example, os.path.join(graphs, "double_output.onnx"), True)
        onnx(TwoInputs(state, actions), example, os.path.join(graphs, "two_inputs.onnx"), True, extra_inputs=("h_in",))
        onnx(DivideByZero(actions), example, os.path.join(graphs, "nonfinite.onnx"), True)
        torch.jit.script(DivideByZero(actions)).save(os.path.join(scripts, "nonfinite.pt"))
        torch.jit.script(Linear(state, actions + 1)).save(os.path.join(scripts, "wrong_action_size.pt"))
        torch.jit.script(Linear(state + 1, actions)).save(os.path.join(scripts, "wrong_input_size.pt"))
        torch.jit.script(Linear(state, actions, torch.float64)).save(os.path.join(scripts, "double_output.pt"))
    with open(os.path.join(graphs, "not_a_model.onnx"), "wb") as f:
        f.write(b"not an onnx graph")
    with open(os.path.join(scripts, "not_a_model.pt"), "wb") as f:
        f.write(b"not a torchscript archive")
    print("wrote the broken models")


def bench(policy, calls):
    torch.set_num_threads(1)
    actor, state = load_actor(policy)
    g = torch.Generator().manual_seed(5)
    obs = (torch.rand(64, 1, state, generator=g) * 2 - 1) * 3
    samples = []
    with torch.no_grad():
        for i in range(200 + calls):
            start = time.perf_counter()
            actor(obs[i % 64]).numpy()
            if i >= 200:
                samples.append((time.perf_counter() - start) * 1e6)
    samples.sort()
    p50, p99 = samples[int(0.50 * len(samples))], samples[min(len(samples) - 1, int(0.99 * len(samples)))]
    print(f"  {'PyTorch eager (reference)':<28} p50 {p50:7.1f} us  p99 {p99:7.1f} us")


def main():
    command = sys.argv[1]
    if command == "export":
        export(sys.argv[2], sys.argv[3], sys.argv[4])
    elif command == "bench":
        bench(sys.argv[2], int(sys.argv[3]))
    elif command == "broken":
        broken(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
