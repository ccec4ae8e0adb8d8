#!/usr/bin/env bash
# One DrQ-v2 pixel update (9x84x84, reference network sizes, Adam, random shift) in C# and in the reference
# agent on Debian's torch (/usr/bin/python3), on identical weights and batch, at the same thread count.
# Rounds alternate C# and Python so that both see the same machine load. Also prints act latency at batch 1.
# The C# agent's encoder is channels_last fp32 (its default); PyTorch's line is the reference's default (NCHW fp32).
# With a 5th argument "variants", each round also times PyTorch with channels_last (and bf16 autocast where the CPU
# has avx512_bf16) and the C# update in each layout and precision, taking turns (the tests assembly's
# bench-update-variants; bf16 runs only on CPUs with avx512_bf16, bf16-emulated everywhere).
#   bench/drqv2-update.sh [BATCH_SIZES="256 32"] [THREADS=2] [UPDATES=5] [ROUNDS=2] [variants]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="${1:-256 32}"
threads="${2:-2}"
updates="${3:-5}"
rounds="${4:-2}"
variants="${5:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ref="$root/tests/Sim2Real.Learning.Tests/python/drqv2_reference.py"
tests="$root/tests/Sim2Real.Learning.Tests"
tests_dll="$tests/bin/Debug/net10.0/Sim2Real.Learning.Tests.dll"
bf16_cpu=0
grep -qw avx512_bf16 /proc/cpuinfo && bf16_cpu=1
if [ -n "$variants" ]; then
  dotnet build "$tests" --nologo -v q -clp:ErrorsOnly >/dev/null
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc); avx512_bf16: $([ $bf16_cpu = 1 ] && echo yes || echo no)"
for b in $sizes; do
  for r in $(seq "$rounds"); do
    "$root/sim2real" agent bench --batch-size "$b" --updates "$updates" --acts 100 --threads "$threads" --save-inputs "$work/b$b" \
      | sed "s/^/[B=$b round $r] /"
    /usr/bin/python3 "$ref" bench "$work/b$b/agent.safetensors" "$work/b$b/batch.safetensors" "$updates" --threads "$threads" \
      | sed "s/^/[B=$b round $r] /"
    if [ -n "$variants" ]; then
      /usr/bin/python3 "$ref" bench "$work/b$b/agent.safetensors" "$work/b$b/batch.safetensors" "$updates" --threads "$threads" --channels-last \
        | sed "s/^/[B=$b round $r] /"
      if [ $bf16_cpu = 1 ]; then
        /usr/bin/python3 "$ref" bench "$work/b$b/agent.safetensors" "$work/b$b/batch.safetensors" "$updates" --threads "$threads" --channels-last --bf16 \
          | sed "s/^/[B=$b round $r] /"
      fi
      dotnet exec "$tests_dll" bench-update-variants "$b" "$updates" "$threads" | sed "s/^/[B=$b round $r] /"
    fi
    echo "[B=$b round $r] load: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
