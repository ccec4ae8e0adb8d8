#!/usr/bin/env bash
# MuJoCo stepping through Sim2Real's bindings (`sim bench`) against MuJoCo's own C sample `mujoco-testspeed`, same
# model, same workload (testspeed's 1% Halton control noise), interleaved in the same run so machine load hits both
# alike. Then thread scaling (1 vs 2 independent mjData) and 84x84 fast render frames/s.
# Usage: bench/sim_bench.sh [model.xml] [steps] [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
model="${1:-/usr/share/mujoco/model/humanoid/humanoid.xml}"
steps="${2:-20000}"
rounds="${3:-5}"
sim2real="$root/sim2real"
command -v mujoco-testspeed >/dev/null || { echo "mujoco-testspeed not found: install libmujoco-samples (scripts/setup)" >&2; exit 1; }
"$sim2real" --help >/dev/null # build once, outside the timings

json_field() { /usr/bin/python3 -c "import json,sys; print(json.loads(sys.stdin.read().strip().splitlines()[-1])$1)"; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
best() { printf '%s\n' "$@" | sort -g | tail -1; }

echo "model: $model; $steps steps per run; $rounds interleaved rounds"
ref=(); ours=()
for ((r = 1; r <= rounds; r++)); do
  c=$(mujoco-testspeed "$model" "$steps" 1 | awk '/Steps per second/ {print $5}')
  s=$("$sim2real" sim bench --model "$model" --steps "$steps" --json | json_field '["steps_per_second"]')
  printf '  round %d: mujoco-testspeed %8.0f steps/s   sim bench %8.0f steps/s\n' "$r" "$c" "$s"
  ref+=("$c"); ours+=("$s")
done
mref=$(median "${ref[@]}"); mours=$(median "${ours[@]}")
bref=$(best "${ref[@]}"); bours=$(best "${ours[@]}")
printf 'stepping, median of %d: mujoco-testspeed %.0f steps/s, sim bench %.0f steps/s, ratio %.3f (target >= 0.97)\n' \
  "$rounds" "$mref" "$mours" "$(echo "$mours / $mref" | bc -l)"
printf 'stepping, best of %d:   mujoco-testspeed %.0f steps/s, sim bench %.0f steps/s, ratio %.3f\n' \
  "$rounds" "$bref" "$bours" "$(echo "$bours / $bref" | bc -l)"

t1=$("$sim2real" sim bench --model "$model" --steps "$steps" --threads 1 --json | json_field '["steps_per_second"]')
t2=$("$sim2real" sim bench --model "$model" --steps "$steps" --threads 2 --json | json_field '["steps_per_second"]')
c2=$(mujoco-testspeed "$model" "$steps" 2 | awk '/Total steps per second/ {print $6}')
printf 'threads: 1 -> %.0f steps/s, 2 -> %.0f steps/s (x%.2f); mujoco-testspeed 2 threads %.0f steps/s\n' \
  "$t1" "$t2" "$(echo "$t2 / $t1" | bc -l)" "$c2"

fps=$("$sim2real" sim bench --model "$model" --steps 100 --render --size 84 --frames 300 --json | json_field '["frames_per_second"]')
printf 'render 84x84 fast (free camera): %.1f frames/s\n' "$fps"
