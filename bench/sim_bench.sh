#!/usr/bin/env bash
# MuJoCo stepping through Sim2Real's bindings (`sim bench`) against MuJoCo's own C sample `mujoco-testspeed`, same
# model, same workload (testspeed's 1% Halton control noise), interleaved in the same run so machine load hits both
# alike. Wall-clock steps/s is what testspeed prints; on a shared machine it mostly measures the other processes, so
# CPU time is compared too: testspeed's process CPU for N steps minus that for 1 step (which removes loading), against
# the CPU time of sim bench's stepping thread. Then thread scaling (1 vs 2 mjData) and 84x84 fast render frames/s.
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
ratio() { echo "$1 / $2" | bc -l; }
best() { printf '%s\n' "$@" | sort -g | tail -1; }
# testspeed: prints "<wall steps/s> <process cpu seconds>"
testspeed() {
  local out
  out=$( { /usr/bin/time -f 'cpu %U %S' mujoco-testspeed "$model" "$1" 1; } 2>&1 )
  echo "$(awk '/Steps per second/ {print $5}' <<<"$out") $(awk '/^cpu / {print $2 + $3}' <<<"$out")"
}

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "cpu: $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo) ($(nproc) cores); load average $(load)"
echo "model: $model; $steps steps per run; $rounds interleaved rounds"
ref=(); ours=(); refcpu=(); ourscpu=()
for ((r = 1; r <= rounds; r++)); do
  read -r cwall ccpu < <(testspeed "$steps")
  read -r _ cload < <(testspeed 1)
  ccpus=$(echo "$steps / ($ccpu - $cload)" | bc -l)
  json=$("$sim2real" sim bench --model "$model" --steps "$steps" --json | tail -1)
  swall=$(json_field '["steps_per_second"]' <<<"$json")
  scpus=$(json_field '["steps_per_cpu_second"]' <<<"$json")
  printf '  round %d: wall  testspeed %7.0f  sim bench %7.0f steps/s | CPU  testspeed %7.0f  sim bench %7.0f steps/CPU-s\n' \
    "$r" "$cwall" "$swall" "$ccpus" "$scpus"
  ref+=("$cwall"); ours+=("$swall"); refcpu+=("$ccpus"); ourscpu+=("$scpus")
done
mref=$(median "${ref[@]}"); mours=$(median "${ours[@]}")
mrefcpu=$(median "${refcpu[@]}"); mourscpu=$(median "${ourscpu[@]}")
printf 'wall, median of %d: mujoco-testspeed %.0f steps/s, sim bench %.0f steps/s, ratio %.3f\n' "$rounds" "$mref" "$mours" "$(ratio "$mours" "$mref")"
# Under load the fastest round of each side is the one least disturbed by other processes.
printf 'wall, best of %d:   mujoco-testspeed %.0f steps/s, sim bench %.0f steps/s, ratio %.3f\n' "$rounds" \
  "$(best "${ref[@]}")" "$(best "${ours[@]}")" "$(ratio "$(best "${ours[@]}")" "$(best "${ref[@]}")")"
printf 'CPU,  median of %d: mujoco-testspeed %.0f steps/CPU-s, sim bench %.0f steps/CPU-s, ratio %.3f (target >= 0.97)\n' \
  "$rounds" "$mrefcpu" "$mourscpu" "$(ratio "$mourscpu" "$mrefcpu")"
echo "load average after the rounds: $(load)"

t1=$("$sim2real" sim bench --model "$model" --steps "$steps" --threads 1 --json | json_field '["steps_per_second"]')
t2=$("$sim2real" sim bench --model "$model" --steps "$steps" --threads 2 --json | json_field '["steps_per_second"]')
c2=$(mujoco-testspeed "$model" "$steps" 2 | awk '/Total steps per second/ {print $6}')
printf 'threads (wall): 1 -> %.0f steps/s, 2 -> %.0f steps/s (x%.2f); mujoco-testspeed 2 threads %.0f steps/s\n' \
  "$t1" "$t2" "$(ratio "$t2" "$t1")" "$c2"

fps=$("$sim2real" sim bench --model "$model" --steps 100 --render --size 84 --frames 300 --json | json_field '["frames_per_second"]')
printf 'render 84x84 fast (free camera): %.1f frames/s\n' "$fps"
