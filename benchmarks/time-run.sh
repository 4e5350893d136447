#!/usr/bin/env bash
# Times `argoflow run` as a whole process (start-up, embedded services, model load, one pipeline, exit) N times
# and prints each run and the median, in milliseconds. Usage: benchmarks/time-run.sh ARGOFLOW IMAGE [N]
set -euo pipefail
argoflow=${1:?usage: time-run.sh ARGOFLOW IMAGE [N]}
image=${2:?usage: time-run.sh ARGOFLOW IMAGE [N]}
runs=${3:-10}
spec="$(dirname "$0")/bench-pipeline.yaml"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$argoflow" run -f "$spec" --input "$image" --output-dir "$out/$i" >/dev/null 2>"$out/stderr-$i" \
    || { echo "error: run $i failed:" >&2; cat "$out/stderr-$i" >&2; exit 5; }
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: $ms ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
if (( n % 2 )); then median=${sorted[$((n / 2))]}; else median=$(( (sorted[n / 2 - 1] + sorted[n / 2]) / 2 )); fi
echo "median of $n: $median ms (min ${sorted[0]}, max ${sorted[$((n - 1))]})"
