# Shared by scale-out.sh and replica-kill.sh (sourced): starting, probing and stopping `argoflow serve` replicas.
argoflow=${ARGOFLOW:-cli/ArgoFlow.Cli/bin/Release/net10.0/linux-x64/argoflow}
# The detection model beside the repository (../shared), unless one is configured already.
export ARGOFLOW_MODELS=${ARGOFLOW_MODELS:-$(cd .. && pwd)/shared/models}
work=$(mktemp -d)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# start_replica CORE|- GRPC_PORT HTTP_PORT: one `argoflow serve` (pinned to CORE unless -), its pid in $replica_pid.
start_replica() {
  local pin=()
  [ "$1" != "-" ] && pin=(taskset -c "$1")
  "${pin[@]}" "$argoflow" serve --grpc-port "$2" --http-port "$3" --store "$work" >>"$work/serve-$2.log" 2>&1 &
  replica_pid=$!
  pids+=("$replica_pid")
}

# wait_serving HTTP_PORT: until /healthz answers 200 (every service SERVING); fails after 120 s.
wait_serving() {
  local deadline=$((SECONDS + 120))
  until curl -sf "127.0.0.1:$1/healthz" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$replica_pid" 2>/dev/null; then
      echo "replica with HTTP port $1 not SERVING (exited or 120 s passed):" >&2; tail -5 "$work"/serve-*.log >&2; exit 4
    fi
    sleep 0.05
  done
}

# calls HTTP_PORT: successful calls the replica has answered (all services), from its /metrics.
calls() {
  curl -sf "127.0.0.1:$1/metrics" | awk '/^argoflow_calls_total/ && /code="OK"/ {s += $NF} END {print s + 0}'
}
