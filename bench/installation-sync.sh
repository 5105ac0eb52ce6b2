#!/usr/bin/env bash
# Benchmark: installation-sync-service against the simulator with RECORDS installations (default 1,000,000), into the
# real PostgreSQL and Kafka of the local run. Three syncs of one account: the first (everything new), an unchanged
# re-sync, and a re-sync after about 1% changed. Prints records/s, events published and the service's peak heap.
#   [WARMUP=N] bench/installation-sync.sh [RECORDS]
# Before them, an untimed first sync of a second account (servis-b) with WARMUP installations (default RECORDS) brings
# every JVM of the run (service, Kafka, simulator) past its JIT compilation, which on a fresh platform otherwise takes
# a third of the machine's CPU during the first sync; its figures are printed as the cold ones. WARMUP=0 skips it.
# Starts the local run (./kopru up --detach --no-build) if it is not running, and leaves it running. Run it on a fresh
# local run (./kopru down && ./kopru up): on a second run, the accounts' installations are no longer new.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
records="${1:-1000000}"
warmup="${WARMUP:-$records}"
key="kopru-local-demo-key"
svc="http://localhost:8081"
sim="http://localhost:8090"

./kopru status > /dev/null 2>&1 || ./kopru up --detach --no-build

# The scenario is put back on exit: left at a million installations, the local run's scheduled sync would re-read
# them every 5 minutes, a load that skews whatever runs next.
original=$(curl -s "$sim/admin/scenario")
trap 'curl -s -o /dev/null -X POST "$sim/admin/scenario" -H "Content-Type: application/json" -d "$original"' EXIT
# Sets how many installations servis-a ($1) and servis-b ($2) have in the simulator; 0 leaves an account as it was.
# Only the account being measured is large: the other one's scheduled sync (every 5 minutes) stays short.
scenario() {
  local body
  body=$(echo "$original" | python3 -c "
import json, sys
s = json.load(sys.stdin)
if $1 > 0:
    s['utts_accounts'][0]['installations'] = $1
if $2 > 0:
    s['utts_accounts'][1]['installations'] = $2
s['utts_change_share'] = 0.01
s['utts_new_per_generation'] = 1
print(json.dumps(s))")
  curl -s -o /dev/null -X POST "$sim/admin/scenario" -H 'Content-Type: application/json' -d "$body"
}

heap() {
  curl -s "$svc/q/metrics" | awk '/^jvm_memory_used_bytes/ && /area="heap"/ {s += $NF} END {print int(s / 1048576)}'
}



sync() {
  local label="$1" account="$2"
  local cpu_before; cpu_before=$(cpu_seconds)
  local started; started=$(date +%s.%N)
  local before_events; before_events=$(published_events "$svc")
  local run=""
  # 409 while the scheduled sync of the same account runs: wait for it to end, then start ours.
  for _ in $(seq 1 300); do
    run=$(curl -s -X POST "$svc/api/v1/sync-runs" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
      -d "{\"utts_account\": \"$account\"}" | python3 -c 'import json,sys; print((json.load(sys.stdin).get("data") or {}).get("id", ""))')
    [ -n "$run" ] && break
    sleep 2
  done
  [ -n "$run" ] || { echo "$label: could not start a sync of $account for 10 minutes"; exit 1; }
  local peak=0 status="RUNNING" body
  while [ "$status" = "RUNNING" ]; do
    sleep 2
    h=$(heap); [ "$h" -gt "$peak" ] && peak=$h
    body=$(curl -s "$svc/api/v1/sync-runs/$run" -H "X-API-Key: $key")
    status=$(echo "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["status"])')
    echo "$body" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print("  ... page %s/%s: %s records" % (d["pages"], d["total_pages"], d["records_seen"]), end="\r")'
  done
  local expected; expected=$(echo "$body" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(d["new_records"] + d["changed"])')
  await_published "$svc" "$before_events" "$expected"
  local drained; drained=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
  local events=$(( $(published_events "$svc") - before_events ))
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

if [ "$warmup" -gt 0 ]; then
  scenario 0 "$warmup"
  sync "warm-up (cold) " servis-b
fi
scenario "$records" 0
sync "first sync     " servis-a
sync "unchanged      " servis-a
curl -s -o /dev/null -X POST "$sim/admin/utts/advance" -H 'Content-Type: application/json' -d '{"generations": 1}'
sync "1% changed     " servis-a
