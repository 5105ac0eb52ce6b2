#!/usr/bin/env bash
# Benchmark: collection-service against the simulator with no added latency, on the real PostgreSQL and Kafka of
# the local run.
#  1. COLLECTIONS collections (default 1,000) through our REST API at RATE per second (default 100): p50 and p99
#     latency seen by the client, the time spent in the service (Server-Timing app) and our overhead over FlexCity's
#     time (app minus flexcity, both from the Server-Timing each answer carries).
#  2. A scan of INSTRUCTIONS standing instructions (default 100,000), after an untimed scan of SCAN_WARMUP others
#     (default 20,000): instructions per second, debts found, the time until every debt-found event is on Kafka, and
#     CPU seconds per process.
#   bench/collection.sh [COLLECTIONS] [RATE] [INSTRUCTIONS]
# Starts the local run (./kopru up --detach --no-build) if it is not running, and leaves it running. It reseeds the
# simulator's FlexCity institutions (ornek-belediye for the collections, deneme-su for the scan).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
collections="${1:-1000}"
rate="${2:-100}"
instructions="${3:-100000}"
# Untimed collections first, so that the JIT has compiled the request path. A fresh service on 2 cores keeps its C2
# compiler busy for 20,000-30,000 collections (half a core at 100/s after 8,000), and that compiling, not the service,
# set the p99. By default (WARMUP=auto) it collects in rounds of 2,000 until the service's JIT spent under 5% of a
# round compiling (jstat), at most WARMUP_MAX (40,000). WARMUP=N collects N instead; WARMUP=0 measures a cold JVM.
warmup="${WARMUP:-auto}"
warmup_max="${WARMUP_MAX:-40000}"
# The same for the scan: an untimed scan of this many other instructions first (SCAN_WARMUP=0 measures a cold JVM).
scan_warmup="${SCAN_WARMUP:-20000}"
key="kopru-local-demo-key"
svc="http://localhost:8082"
sim="http://localhost:8090"

./kopru status > /dev/null 2>&1 || ./kopru up --detach --no-build

# Enough open invoices for the collections, and enough declarations (about 1.5 per taxpayer) for the scan; a new
# seed each run, so the invoices are new to Köprü too.
scenario=$(curl -s "$sim/admin/scenario" | python3 -c "
import json, sys, time
s = json.load(sys.stdin)
for i in s['institutions']:
    i['seed'] = int(time.time())
    if i['code'] == 'ornek-belediye':
        i['taxpayers'] = max(i['taxpayers'], $collections + ($warmup_max if '$warmup' == 'auto' else int('$warmup')))
    if i['code'] == 'deneme-su':
        i['taxpayers'] = max(i['taxpayers'], int(($instructions + $scan_warmup) / 1.45) + 1)
print(json.dumps(s))")
curl -s -o /dev/null -X POST "$sim/admin/scenario" -H 'Content-Type: application/json' -d "$scenario"

echo "== $collections collections at $rate/s through POST /api/v1/collections"
python3 - "$collections" "$rate" "$warmup" "$warmup_max" "$(cat .kopru/run/04-collection-service.pid)" <<'PY'
import http.client, json, shutil, subprocess, sys, threading, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
count, rate = int(sys.argv[1]), float(sys.argv[2])
auto = sys.argv[3] == "auto" and shutil.which("jstat") is not None
warmup = int(sys.argv[4]) if auto else 8000 if sys.argv[3] == "auto" else int(sys.argv[3])
service_pid = sys.argv[5]
invoices = json.load(urllib.request.urlopen("http://localhost:8090/admin/flexcity/ornek-belediye/invoices"))
if len(invoices) < count + warmup:
    sys.exit(f"the simulator has only {len(invoices)} open invoices")
invoices, warming = invoices[:count], invoices[count:count + warmup]
local = threading.local()
def lib(*call):
    """Runs one of bench/lib.sh's helpers and answers what it prints."""
    return subprocess.run(["bash", "-c", 'source bench/lib.sh && "$@"', "lib", *call], check=True,
                          capture_output=True, text=True).stdout.strip()
def post(invoice):
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection("localhost", 8082, timeout=30)
    body = json.dumps({"institution": "ornek-belediye", "invoice_number": invoice["invoice_number"],
                       "declaration_id": invoice["declaration_id"], "amount": invoice["total"]})
    started = time.perf_counter()
    local.conn.request("POST", "/api/v1/collections", body, {"Content-Type": "application/json",
                       "X-API-Key": "kopru-local-demo-key"})
    response = local.conn.getresponse()
    response.read()
    took = (time.perf_counter() - started) * 1000
    timing = dict(part.strip().split(";dur=") for part in (response.getheader("Server-Timing") or "").split(",")
                  if ";dur=" in part)
    return response.status, took, float(timing.get("flexcity", 0)), float(timing.get("app", 0))
def compile_seconds():
    """The service JVM's time spent JIT-compiling so far (jstat -compiler's Time column)."""
    lines = subprocess.run(["jstat", "-compiler", service_pid], capture_output=True, text=True).stdout.splitlines()
    return float(lines[1].split()[lines[0].split().index("Time")]) if len(lines) > 1 else 0.0
results = []
published = lib("published_events", "http://localhost:8082")
collected, warmed, compiling = 0, 0, None
with ThreadPoolExecutor(max_workers=8) as pool:
    while warmed < len(warming):
        batch = warming[warmed:warmed + (2000 if auto else len(warming))]
        compiled_before, started = (compile_seconds() if auto else 0), time.perf_counter()
        collected += sum(1 for status, _, _, _ in pool.map(post, batch) if status == 201)
        warmed += len(batch)
        if auto:
            compiling = (compile_seconds() - compiled_before) / (time.perf_counter() - started)
            print(f"  ... warm-up {warmed}: JIT compiling {compiling:.0%} of the time", end="\r", flush=True)
            if compiling < 0.05:
                break
# The warm-up's own aftermath (its payment-made events relayed to Kafka and ingested by the reconciliation service)
# must not run during the timed collections: wait until they are all on Kafka, and a little longer.
lib("await_published", "http://localhost:8082", published, str(collected))
time.sleep(3)
print(f"  (after {warmed} untimed warm-up collections"
      + (f", the JIT compiling {compiling:.0%} of the last 2,000's time" if compiling is not None else "")
      + ", their events on Kafka)")
with ThreadPoolExecutor(max_workers=32) as pool:
    futures, start = [], time.perf_counter()
    for i, invoice in enumerate(invoices):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        futures.append(pool.submit(post, invoice))
    results = [f.result() for f in futures]
    elapsed = time.perf_counter() - start
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * len(values))) - 1)]
statuses = {}
for status, _, _, _ in results:
    statuses[status] = statuses.get(status, 0) + 1
latency = [t for _, t, _, _ in results]
upstream = [u for _, _, u, _ in results]
service = [a for _, _, _, a in results]
overhead = [a - u for _, _, u, a in results]
print(f"  sent {len(results)} in {elapsed:.1f} s ({len(results) / elapsed:.0f}/s); statuses {statuses}")
print(f"  latency     p50 {pct(latency, 50):6.1f} ms   p99 {pct(latency, 99):6.1f} ms   max {max(latency):6.1f} ms")
print(f"  FlexCity    p50 {pct(upstream, 50):6.1f} ms   p99 {pct(upstream, 99):6.1f} ms")
print(f"  in service  p50 {pct(service, 50):6.1f} ms   p99 {pct(service, 99):6.1f} ms  (Server-Timing app)")
print(f"  our overhead p50 {pct(overhead, 50):5.1f} ms   p99 {pct(overhead, 99):6.1f} ms  (app - flexcity; target p99 < 10 ms)")
client = [t - a for _, t, _, a in results]
print(f"  client+network p50 {pct(client, 50):4.1f} ms   p99 {pct(client, 99):6.1f} ms  (the load generator's own share)")
PY


# Registers the deneme-su declarations [$1, $2) as standing instructions.
register() {
  python3 - "$1" "$2" <<'PY'
import json, sys, urllib.request
first, last = int(sys.argv[1]), int(sys.argv[2])
ids = json.load(urllib.request.urlopen("http://localhost:8090/admin/flexcity/deneme-su/declarations"))[first:last]
registered = 0
for i in range(0, len(ids), 5000):
    body = json.dumps({"institution": "deneme-su", "declaration_ids": ids[i:i + 5000]}).encode()
    request = urllib.request.Request("http://localhost:8082/api/v1/standing-instructions/bulk", body,
                                     {"Content-Type": "application/json", "X-API-Key": "kopru-local-demo-key"})
    registered += json.load(urllib.request.urlopen(request))["data"]["registered"]
print(f"  registered {registered} new instructions for {len(ids)} declarations")
PY
}

# Scans the due instructions (the ones registered since the last scan) and prints the run's figures.
scan() {
  local before_events; before_events=$(published_events "$svc")
  local cpu_before; cpu_before=$(cpu_seconds)
  local started; started=$(date +%s.%N)
  local run; run=$(curl -s -X POST "$svc/api/v1/scan-runs" -H "X-API-Key: $key" -H 'Content-Type: application/json' \
    -d '{}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
  local status=RUNNING body
  while [ "$status" = RUNNING ]; do
    sleep 1
    body=$(curl -s "$svc/api/v1/scan-runs/$run" -H "X-API-Key: $key")
    status=$(echo "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["status"])')
    echo "$body" | python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print("  ... %s/%s instructions, %s new debts" % (d["instructions_scanned"], d["instructions_total"], d["debts_found"]), end="\r")'
  done
  await_published "$svc" "$before_events" "$(echo "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["debts_found"])')"
  local drained; drained=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
  local events=$(( $(published_events "$svc") - before_events ))
  local cpu_after; cpu_after=$(cpu_seconds)
  echo "$body" | python3 -c "
import json, sys
from datetime import datetime
d = json.load(sys.stdin)['data']
secs = (datetime.fromisoformat(d['finished_at'].replace('Z', '+00:00')) - datetime.fromisoformat(d['started_at'].replace('Z', '+00:00'))).total_seconds()
print(f'  {d[\"status\"]}: {d[\"instructions_scanned\"]} instructions in {secs:.1f} s = {d[\"instructions_scanned\"] / secs:,.0f} instructions/s '
      f'(target 5,000/s); {d[\"invoices_seen\"]} invoices seen, {d[\"debts_found\"]} new, failed batches {d[\"failed_batches\"]}')
print(f'  events published $events, all on Kafka {$drained} s after the request')"
  cpu_used "$cpu_before" "$cpu_after"
}

if [ "$scan_warmup" -gt 0 ]; then
  echo "== untimed warm-up scan of $scan_warmup standing instructions (deneme-su), so that the JIT has compiled the scan"
  register 0 "$scan_warmup"
  scan
fi
echo "== scan of $instructions standing instructions (deneme-su)"
register "$scan_warmup" $(( scan_warmup + instructions ))
scan
