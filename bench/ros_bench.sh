#!/usr/bin/env bash
# ROS 2 transport benchmarks against Cyclone's own ddsperf, same machine, same run, loopback only.
#
#   bench/ros_bench.sh [seconds-per-run]      (default 8)
#
# 1. Round trip of a small message (12 bytes of CDR), ping answered inside the data-available listener:
#      ./sim2real topic bench rtt         C# ping <-> C# pong (two processes)
#      s2r_ddspeer rawping/rawpong        the same exchange in C over the project's raw-CDR sertype
#      ddsperf ping / ddsperf pong        Cyclone's reference (size 12, KS topic)
#    ddsperf prints HALF the round trip (ddsperf.c process_pong: (tnow - source_timestamp) / 2), so its
#    figures are doubled here before the ratio is taken.
# 2. Throughput of 84x84x3 rgb8 sensor_msgs/msg/Image between two processes, reliable KEEP_ALL:
#      ./sim2real topic bench throughput  vs  ddsperf pub size 21168 / ddsperf sub (same payload bytes)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
secs="${1:-8}"
peer="$root/.build/native/bin/s2r_ddspeer"
export ROS_DOMAIN_ID="${ROS_DOMAIN_ID:-$((100 + RANDOM % 100))}"
export CYCLONEDDS_URI='<CycloneDDS><Domain id="any"><General><Interfaces><NetworkInterface name="lo"/></Interfaces><AllowMulticast>false</AllowMulticast></General><Discovery><ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>20</MaxAutoParticipantIndex><Peers><Peer address="127.0.0.1"/></Peers></Discovery><Internal><SocketReceiveBufferSize min="4MB"/></Internal></Domain></CycloneDDS>'
command -v ddsperf >/dev/null || { echo "ddsperf not found: apt-get install cyclonedds-tools" >&2; exit 1; }
"$root/sim2real" --help >/dev/null   # build the CLI (and native layers) before timing anything
[ -x "$peer" ] || { echo "missing $peer (dotnet build builds it)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "domain $ROS_DOMAIN_ID, $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"

# median over ddsperf's per-second lines (skipping the first, which includes discovery) of field "<pct>"
ddsperf_pct() { # file pct
  grep -E " size [0-9]+ mean" "$1" | tail -n +2 | sed -E "s/.* $2 ([0-9.]+)us.*/\1/" | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "nan"}'
}

echo "== round trip, 12-byte message"
timeout $((secs + 10)) ddsperf -D $((secs + 2)) pong >"$tmp/pong.txt" 2>&1 &
sleep 1
timeout $((secs + 10)) ddsperf -D "$secs" ping >"$tmp/ping.txt" 2>&1 || true
wait
dp50=$(awk -v h="$(ddsperf_pct "$tmp/ping.txt" '50%')" 'BEGIN {print 2*h}')
dp99=$(awk -v h="$(ddsperf_pct "$tmp/ping.txt" '99%')" 'BEGIN {print 2*h}')
echo "ddsperf ping/pong      rtt 50% ${dp50}us 99% ${dp99}us (printed rtt/2 doubled)"

"$peer" rawpong /bench_c $((secs + 10)) >/dev/null 2>&1 &
cpong=$!
count=$((secs * 20000))
"$peer" rawping /bench_c "$count" | tee "$tmp/craw.txt"
kill "$cpong" 2>/dev/null || true

"$root/sim2real" topic bench rtt --count "$count" --warmup 5000 | tee "$tmp/cs.txt"
cs50=$(sed -nE 's/^rtt size 12 .* 50% ([0-9.]+)us .*/\1/p' "$tmp/cs.txt")
cs99=$(sed -nE 's/^rtt size 12 .* 99% ([0-9.]+)us .*/\1/p' "$tmp/cs.txt")
awk -v a="$cs50" -v b="$dp50" -v c="$cs99" -v d="$dp99" 'BEGIN {printf "ratio sim2real/ddsperf  rtt 50%% %.2fx  99%% %.2fx  (target <= 1.5x)\n", a/b, c/d}'

echo "== throughput, 84x84x3 rgb8 images (21168 B), reliable KEEP_ALL"
timeout $((secs + 10)) ddsperf -D $((secs + 2)) -k all sub >"$tmp/sub.txt" 2>&1 &
sleep 1
timeout $((secs + 10)) ddsperf -D "$secs" -k all pub size 21168 >/dev/null 2>&1 || true
wait
# per-second sample rates ("rate X kS/s"), median over seconds with data
drate=$(grep -oE "rate [0-9.]+ kS/s" "$tmp/sub.txt" | awk '{print $2*1000}' | awk '$1 > 0' | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "nan"}')
echo "ddsperf pub/sub        ${drate} msg/s"
"$root/sim2real" topic bench throughput --seconds "$secs" | tee "$tmp/thr.txt"
crate=$(sed -nE 's/.*received [0-9]+ in [0-9.]+s: ([0-9]+) msg\/s.*/\1/p' "$tmp/thr.txt")
awk -v a="$crate" -v b="$drate" 'BEGIN {printf "ratio sim2real/ddsperf  throughput %.2fx\n", a/b}'
