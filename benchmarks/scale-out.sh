#!/usr/bin/env bash
# Scale-out benchmark (docs/benchmarks.md, "Replicas"): the same client (`argoflow bench --local --services`) at
# concurrency 8 against one `argoflow serve` pinned to core 0, then against two pinned to cores 0 and 1, and how
# the calls split between the two (from each replica's /metrics). Runs the pair ROUNDS times, alternating.
# Usage: benchmarks/scale-out.sh [ITERATIONS=400] [ROUNDS=3] [--service resize|detect|filter]
# Environment: WARMUP (warm-up pipelines per run, default 40); CLIENT_ENV ("NAME=VALUE ..." for the client only).
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-400}
rounds=${2:-3}
service=()
[ "${3:-}" = "--service" ] && service=(--service "$4")
source benchmarks/replicas.sh

start_replica 0 19091 18081
start_replica 1 19092 18082
wait_serving 18081
wait_serving 18082
echo "start: $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

bench() { # TARGET -> "pipelines/s failed"
  # shellcheck disable=SC2086
  env ${CLIENT_ENV:-} "$argoflow" bench --local --modes warm --services "$1" --work-dir "$work" --iterations "$iterations" --warmup "${WARMUP:-40}" \
    --concurrency 8 "${service[@]}" --output json | jq -r '.modes[] | select(.name == "warm") | "\(.throughputPerSecond) \(.failures)"'
}

printf '%-6s %-10s %10s %7s %10s %8s %8s %8s\n' round replicas "per s" failed ratio "calls A" "calls B" split
for round in $(seq "$rounds"); do
  read -r one failed1 < <(bench 127.0.0.1:19091)
  a0=$(calls 18081); b0=$(calls 18082)
  read -r two failed2 < <(bench 127.0.0.1:19091,127.0.0.1:19092)
  a=$(( $(calls 18081) - a0 )); b=$(( $(calls 18082) - b0 ))
  ratio=$(awk -v t="$two" -v o="$one" 'BEGIN {printf "%.2fx", t / o}')
  split=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.0f/%.0f", 100 * a / (a + b), 100 * b / (a + b)}')
  printf '%-6s %-10s %10.1f %7s %10s %8s %8s %8s\n' "$round" 1 "$one" "$failed1" "" "" "" ""
  printf '%-6s %-10s %10.1f %7s %10s %8s %8s %8s\n' "$round" 2 "$two" "$failed2" "$ratio" "$a" "$b" "$split"
done
echo "end: $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
