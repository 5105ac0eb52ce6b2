# Shared helpers of the benchmarks (sourced, not run).

# CPU seconds used so far by each local-run process (PostgreSQL with its backends), as "name=tenths ..."
cpu_seconds() {
  local tick; tick=$(getconf CLK_TCK)
  for f in .kopru/run/*.pid; do
    local name=${f##*/[0-9][0-9]-}; name=${name%.pid}
    local pids; pids=$(cat "$f")
    [ "$name" = postgres ] && pids="$pids $(pgrep -x postgres | tr '\n' ' ')"
    local sum=0
    for p in $pids; do sum=$(( sum + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done
    printf '%s=%s ' "$name" "$(( sum * 10 / tick ))"
  done
}

# Prints the CPU seconds each process used between two cpu_seconds snapshots.
cpu_used() {
  python3 -c "
before = dict(p.split('=') for p in '$1'.split())
after = dict(p.split('=') for p in '$2'.split())
used = {k: (int(after[k]) - int(before.get(k, 0))) / 10 for k in after}
print('  CPU seconds: ' + ', '.join(f'{k} {v:.1f}' for k, v in used.items() if v >= 0.5))"
}

# Events the service at $1 (base URL) has published and had acknowledged so far.
published_events() {
  curl -s "$1/q/metrics" | awk '/^kopru_outbox_published_total/ {print int($2)}' | head -1
}

# Waits (up to 10 minutes) until the service at $1 has published $3 more events than the count $2.
await_published() {
  for _ in $(seq 1 2400); do
    [ $(( $(published_events "$1") - $2 )) -ge "$3" ] && return 0
    sleep 0.25
  done
  echo "  (gave up waiting for $3 events)" >&2
}
