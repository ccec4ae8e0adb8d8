#!/usr/bin/env bash
# bf16 against fp32 over many DrQ-v2 pixel updates (reference network sizes, 9x84x84) on stored batches: windowed
# losses and Q values of each trajectory, and each parameter group's drift from the fp32 run (docs/precision.md).
# Trajectories: fp32 (the default), fp32 started from weights one ulp away (the floor of divergence in this chaotic
# loop), bf16-emulated, and real bf16 where the CPU has avx512_bf16.
#   bench/precision-numerics.sh [UPDATES=1000] [B=32] [THREADS=2] [CSV]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tests="$root/tests/Sim2Real.Learning.Tests"
dotnet build "$tests" --nologo -v q -clp:ErrorsOnly >/dev/null
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
dotnet exec "$tests/bin/Debug/net10.0/Sim2Real.Learning.Tests.dll" precision-numerics "${1:-1000}" "${2:-32}" "${3:-2}" ${4:+"$4"}
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
