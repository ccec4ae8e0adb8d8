#!/usr/bin/env bash
# Every same-run ratio the project claims, each against its reference, in one run (about 10 minutes on the
# project's 2-core machine). Each section is one of the focused scripts or commands, run with settings that fit the
# budget; its full output goes to bench/out/<time>/<section>.log and the table at the end collects the ratio lines.
# Copy the table into docs/performance.md ("Latest table") with the CPU line, so a drop shows.
#   bench/all.sh [--quick]      (--quick: smaller runs, for checking the script itself; the ratios are noisier)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
quick=0
[ "${1:-}" = "--quick" ] && quick=1
out="$root/bench/out/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
sim2real="$root/sim2real"
"$sim2real" --help >/dev/null   # build once, outside every timing

if [ "$quick" = 1 ]; then
  sim_steps=5000 sim_rounds=1 upd=2 vis_iter=300 vis_rounds=1 ros_secs=3 rep_secs=1
else
  sim_steps=20000 sim_rounds=3 upd=4 vis_iter=2000 vis_rounds=2 ros_secs=6 rep_secs=3
fi

cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo) ($(nproc) cores)"
started=$(date +%s)
section() {   # section NAME COMMAND...: runs it, keeps its log, says how long it took
  local name="$1"; shift
  local t0=$(date +%s)
  echo "== $name (load $(cut -d' ' -f1-3 /proc/loadavg))"
  if ! "$@" >"$out/$name.log" 2>&1; then
    echo "   FAILED (exit $?); see $out/$name.log"
    return 0
  fi
  echo "   $(( $(date +%s) - t0 )) s; log $out/$name.log"
}

section sim "$root/bench/sim_bench.sh" /usr/share/mujoco/model/humanoid/humanoid.xml "$sim_steps" "$sim_rounds"
section update "$root/bench/drqv2-update.sh" 256 2 "$upd" 1
section vision "$sim2real" vision bench --iterations "$vis_iter" --rounds "$vis_rounds"
section ros "$root/bench/ros_bench.sh" "$ros_secs"
section replay "$sim2real" agent replay-bench --seconds "$rep_secs" --steps 10000

p50() { sed -n "s/.*$1.*p50 \([0-9.]*\).*/\1/p" "$out/update.log" | head -1; }
grab() { grep -h -- "$2" "$out/$1.log" 2>/dev/null | tail -${3:-1} | sed 's/^ *//'; }

{
  echo "# bench/all.sh, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$root" rev-parse --short HEAD)"
  echo "cpu: $cpu; load at the end $(cut -d' ' -f1-3 /proc/loadavg); $(( $(date +%s) - started )) s in all"
  echo
  echo "| what | reference | figure |"
  echo "|---|---|---|"
  echo "| MuJoCo stepping (humanoid) | mujoco-testspeed | $(grab sim 'CPU,  median') |"
  echo "| MuJoCo stepping, wall | mujoco-testspeed | $(grab sim 'wall, median') |"
  cs=$(p50 'c# update ms (B=256)'); py=$(p50 'python update ms')
  if [ -n "$cs" ] && [ -n "$py" ]; then
    echo "| DrQ-v2 pixel update B=256, 2 threads | PyTorch 1.13 (same weights, batch) | C# p50 $cs ms, PyTorch p50 $py ms, ratio $(awk -v a="$cs" -v b="$py" 'BEGIN {printf "%.2f", a/b}') (target <= 0.88) |"
  else
    echo "| DrQ-v2 pixel update B=256 | PyTorch 1.13 | not measured: see update.log |"
  fi
  echo "| act B=1, pixels | (target p99 <= 5 ms) | $(grab update 'c# act ms' | sed 's/^\[[^]]*\] //') |"
  while IFS= read -r line; do echo "| vision | cv2 4.6 (python3) | $line |"; done < <(grep -h 'C# .*|.*ratio\|calibration .*ratio' "$out/vision.log" | tail -5 | sed 's/^ *//; s/|/\//g')
  echo "| DDS round trip, 12 B | ddsperf ping/pong | $(grab ros 'rtt 50%' | tail -1) |"
  echo "| DDS throughput, 84x84x3 images | ddsperf pub/sub | $(grab ros 'throughput' | tail -1) |"
  while IFS= read -r line; do echo "| replay sampling | reference numpy sampler | $line |"; done < <(grep -h '/ reference\|peak RSS' "$out/replay.log" | sed 's/^ *//')
} | tee "$out/table.md"
echo
echo "table: $out/table.md"
