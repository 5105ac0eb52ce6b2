#!/usr/bin/env bash
# Benchmark: installation-sync-service against the simulator with RECORDS installations (default 1,000,000), into the
# real PostgreSQL and Kafka of the local run. Three syncs of one account: the first (everything new), an unchanged
# re-sync, and a re-sync after about 1% changed. Prints records/s, events published and the service's peak heap.
#   bench/installation-sync.sh [RECORDS]
# Starts the local run (./kopru up --detach --no-build) if it is not running, and leaves it running.
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-1000000}"
key="kopru-local-demo-key"
svc="http://localhost:8081"
sim="http://localhost:8090"

./kopru status > /dev/null 2>&1 || ./kopru up --detach --no-build

scenario=$(curl -s "$sim/admin/scenario" | python3 -c "
import json, sys
s = json.load(sys.stdin)
s['utts_accounts'][0]['installations'] = $records
s['utts_change_share'] = 0.01
s['utts_new_per_generation'] = 1
print(json.dumps(s))")
curl -s -o /dev/null -X POST "$sim/admin/scenario" -H 'Content-Type: application/json' -d "$scenario"

published() {
  curl -s "$svc/q/metrics" | awk '/^kopru_outbox_published_total/ {print int($2)}' | head -1
}
heap() {
  curl -s "$svc/q/metrics" | awk '/^jvm_memory_used_bytes/ && /area="heap"/ {s += $NF} END {print int(s / 1048576)}'
}

# CPU seconds used so far by each local-run process (PostgreSQL with its backends), "name=seconds ..."
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

cpu_used() {
  python3 -c "
before = dict(p.split('=') for p in '$1'.split())
after = dict(p.split('=') for p in '$2'.split())
used = {k: (int(after[k]) - int(before.get(k, 0))) / 10 for k in after}
print('  CPU seconds: ' + ', '.join(f'{k} {v:.1f}' for k, v in used.items() if v >= 0.5))"
}

sync() {
  local label="$1"
  local cpu_before; cpu_before=$(cpu_seconds)
  local started; started=$(date +%s.%N)
  local before_events; before_events=$(published)
  local run; run=$(curl -s -X POST "$svc/api/v1/sync-runs" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
    -d '{"utts_account": "servis-a"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
  local peak=0 status="RUNNING" body
  while [ "$status" = "RUNNING" ]; do
    sleep 2
    h=$(heap); [ "$h" -gt "$peak" ] && peak=$h
    body=$(curl -s "$svc/api/v1/sync-runs/$run" -H "X-API-Key: $key")
    status=$(echo "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["status"])')
    echo "$body" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print("  ... page %s/%s: %s records" % (d["pages"], d["total_pages"], d["records_seen"]), end="\r")'
  done
  # wait for the outbox to drain before counting events
  for _ in $(seq 1 300); do
    pending=$(curl -s "$svc/q/metrics" | awk '/^kopru_outbox_pending/ {print int($2)}' | head -1)
    [ "${pending:-0}" -eq 0 ] && break
    sleep 1
  done
  local drained; drained=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
  local events=$(( $(published) - before_events ))
  echo "$body" | python3 -c "
import json, sys
from datetime import datetime
d = json.load(sys.stdin)['data']
secs = (datetime.fromisoformat(d['finished_at'].replace('Z', '+00:00')) - datetime.fromisoformat(d['started_at'].replace('Z', '+00:00'))).total_seconds()
print(f'$label: {d[\"status\"]} {d[\"records_seen\"]} records in {secs:.1f} s = {d[\"records_seen\"] / secs:,.0f} records/s '
      f'(new {d[\"new_records\"]}, changed {d[\"changed\"]}, unchanged {d[\"unchanged\"]}, rejected {d[\"rejected\"]}); '
      f'events published $events, all on Kafka {$drained} s after the request; peak heap ${peak} MB')"
  cpu_used "$cpu_before" "$(cpu_seconds)"
}

sync "first sync     "
sync "unchanged      "
curl -s -o /dev/null -X POST "$sim/admin/utts/advance" -H 'Content-Type: application/json' -d '{"generations": 1}'
sync "1% changed     "
