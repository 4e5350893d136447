#!/usr/bin/env bash
# One of two replicas SIGKILLed in the middle of a ~30 s load (docs/benchmarks.md, "Replicas"): the same client
# (`argoflow bench --local --services A,B`, concurrency 8) keeps going; replica B is killed 10 s in, restarted 1 s
# later on the same port, and the script reports the failed pipelines and how long after B's restart (and after it
# reported SERVING) it answered a call again (polling its /metrics every 50 ms).
# Usage: benchmarks/replica-kill.sh [SECONDS=30]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
source benchmarks/replicas.sh
now() { date +%s.%N; }

start_replica 0 19091 18081
start_replica 1 19092 18082
b_pid=$replica_pid
wait_serving 18081
wait_serving 18082
echo "start: $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

target=127.0.0.1:19091,127.0.0.1:19092
# Calibrate: iterations for about $seconds s of load at this machine's current speed.
rate=$("$argoflow" bench --local --modes warm --services "$target" --work-dir "$work" --iterations 80 --warmup 20 \
  --concurrency 8 --output json | jq -r '.modes[] | select(.name == "warm") | .throughputPerSecond')
iterations=$(awk -v r="$rate" -v s="$seconds" 'BEGIN {printf "%d", r * s}')

started=$(now)
"$argoflow" bench --local --modes warm --services "$target" --work-dir "$work" --iterations "$iterations" --warmup 0 \
  --concurrency 8 --output json >"$work/bench.json" &
bench_pid=$!
sleep 10
kill -9 "$b_pid"
killed=$(now)
sleep 1
start_replica 1 19092 18082
restarted=$(now)
wait_serving 18082
serving=$(now)
deadline=$((SECONDS + 30))
until [ "$(calls 18082)" -gt 0 ]; do
  if [ $SECONDS -ge $deadline ]; then echo "restarted replica got no call within 30 s" >&2; break; fi
  sleep 0.05
done
answered=$(now)
wait "$bench_pid"
ended=$(now)

jq -r '.modes[] | select(.name == "warm") | "pipelines: \(.n), failed: \(.failures), per s: \(.throughputPerSecond), p50 \(.p50Ms) ms, p99 \(.p99Ms) ms, max \(.maxMs) ms"' "$work/bench.json"
awk -v s="$started" -v k="$killed" -v r="$restarted" -v v="$serving" -v a="$answered" -v e="$ended" 'BEGIN {
  printf "load %.1f s; killed at %.1f s; restarted at %.1f s; SERVING %.2f s after restart; first call answered %.2f s after restart (%.2f s after SERVING)\n",
    e - s, k - s, r - s, v - r, a - r, a - v }'
jq -r '.modes[] | select(.name == "warm") | .errors[]? | "error x\(.count): \(.message)"' "$work/bench.json"
echo "end: $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
