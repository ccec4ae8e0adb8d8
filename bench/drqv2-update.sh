#!/usr/bin/env bash
# One DrQ-v2 pixel update (9x84x84, reference network sizes, Adam, random shift) in C# and in the reference
# agent on Debian's torch (/usr/bin/python3), on identical weights and batch, at the same thread count.
# Rounds alternate C# and Python so that both see the same machine load. Also prints act latency at batch 1.
#   bench/drqv2-update.sh [BATCH_SIZES="256 32"] [THREADS=2] [UPDATES=5] [ROUNDS=2]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="${1:-256 32}"
threads="${2:-2}"
updates="${3:-5}"
rounds="${4:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ref="$root/tests/Sim2Real.Learning.Tests/python/drqv2_reference.py"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
for b in $sizes; do
  for r in $(seq "$rounds"); do
    "$root/sim2real" agent bench --batch-size "$b" --updates "$updates" --acts 100 --threads "$threads" --save-inputs "$work/b$b" \
      | sed "s/^/[B=$b round $r] /"
    /usr/bin/python3 "$ref" bench "$work/b$b/agent.safetensors" "$work/b$b/batch.safetensors" "$updates" --threads "$threads" \
      | sed "s/^/[B=$b round $r] /"
  done
done
