#!/usr/bin/env bash
# The measurements behind docs/benchmarks.md, in one go (about 10 minutes on the 2-core machine). Builds Release,
# then writes reports, JSON and the chart to docs/bench/. Usage: benchmarks/measure.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build cli/ArgoFlow.Cli -c Release -nologo -clp:ErrorsOnly >&2
argoflow=cli/ArgoFlow.Cli/bin/Release/net10.0/linux-x64/argoflow
out=docs/bench
mkdir -p "$out"
echo "start: $(date -u +%H:%M) UTC, $(uptime)" | tee "$out/machine.txt" >&2

# 1. The three modes interleaved: ratios and the chart.
$argoflow bench --local --modes warm,cold,inproc --runs 20 --warmup 3 \
  --report "$out/modes.md" --chart "$out/modes.svg" --output json > "$out/modes.json"
# 2. Warm vs floor with more runs: p50/p95 of the product path. (50 warm-up runs: the services are long-running,
#    so the first seconds of just-in-time compilation are not what a warm service costs.)
$argoflow bench --local --modes warm,inproc --runs 300 --warmup 50 \
  --report "$out/warm.md" --output json > "$out/warm.json"
# 3. Throughput at concurrency 4.
$argoflow bench --local --modes warm,inproc --runs 400 --warmup 40 --concurrency 4 \
  --report "$out/concurrency4.md" --output json > "$out/concurrency4.json"
# 4. Each service alone.
for service in resize detect filter; do
  $argoflow bench --local --service "$service" --modes warm,inproc --runs 200 --warmup 50 \
    --report "$out/service-$service.md" --output json > "$out/service-$service.json"
done
# 5. argoflow run as a whole process, as installed (dotnet publish: ReadyToRun).
#    (a kept --work-dir holds the default 1920x1080 input as input-0.jpg)
work=$(mktemp -d)
dotnet publish cli/ArgoFlow.Cli -c Release -o "$work/publish" -nologo -clp:ErrorsOnly >&2
$argoflow bench --local --modes inproc --runs 1 --warmup 0 --work-dir "$work" --output json >/dev/null
benchmarks/time-run.sh "$work/publish/argoflow" "$work/input-0.jpg" 10 | tee "$out/run-process.txt"
rm -rf "$work"
echo "end: $(date -u +%H:%M) UTC, $(uptime)" | tee -a "$out/machine.txt" >&2
