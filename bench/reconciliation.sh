#!/usr/bin/env bash
# Benchmark: reconciliation-service on the real Kafka and PostgreSQL of the local run, against the simulator.
#  1. Ingest EVENTS payment events (default 1,000,000; 10% of payments cancelled, a quarter of those cancellations
#     before their payment, 1% of payments delivered twice): events per second until the ledger holds them all,
#     and the ledger's totals checked against what was sent.
#  2. Reconcile a day of COLLECTIONS collections at one desk (default 100,000) with 10 planted discrepancies (two of
#     each kind): the time the run takes, and whether exactly the planted ones are found.
#   bench/reconciliation.sh [EVENTS] [COLLECTIONS]      (0 skips that part)
# Starts the local run (./kopru up --detach --no-build) if it is not running, and leaves it running.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
events="${1:-1000000}"
collections="${2:-100000}"
# Untimed events first, as in the collection bench: a fresh JVM on 2 cores spends the first hundred thousand events
# compiling the ingest path (it ingests about a fifth slower meanwhile). WARMUP=0 measures a cold JVM.
warmup="${WARMUP:-100000}"
key="kopru-local-demo-key"
svc="http://localhost:8083"
sim="http://localhost:8090"
inst="ornek-belediye"
stamp=$(date +%s)
flood() { java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "deploy/target/classes:deploy/target/lib/*" tr.kopru.local.bench.PaymentEventFlood "$@"; }
day_of() { python3 -c "import datetime; print(datetime.date.today() - datetime.timedelta(days=$1))"; }
# Our totals of a desk and day: "collected_count cancelled_count collected_amount"
ours() {
  curl -s "$svc/api/v1/ledger/totals?institution=$inst&desk_id=$1&day=$2" -H "X-API-Key: $key" | python3 -c '
import json, sys
o = json.load(sys.stdin).get("data") or {}
print(o.get("collected_count", -1), o.get("cancelled_count", -1), o.get("collected_amount", -1))'
}
book() {  # desk day count prefix skip duplicate
  curl -s -X POST "$sim/admin/flexcity/$inst/collections/bulk" -H 'Content-Type: application/json' \
    -d "{\"desk_id\": $1, \"day\": \"$2\", \"count\": $3, \"transaction_prefix\": \"$4\", \"first_id\": 700000000, \"skip\": $5, \"duplicate\": $6}" > /dev/null
}

./kopru status > /dev/null 2>&1 || ./kopru up --detach --no-build

# Floods COUNT events for a desk of their own and waits until the ledger holds them all; prints the rate and checks
# the ledger's totals against what was sent.   ingest COUNT DESK PREFIX [NOTE]
ingest() {
  local count="$1" desk="$2" prefix="$3" note="${4:-}" day; day=$(day_of 9)
  local cpu_before; cpu_before=$(cpu_seconds)
  local started; started=$(date +%s.%N)
  local sent; sent=$(flood ingest localhost:19092 "$count" "$inst" "$desk" "$day" "$prefix")
  local payments cancellations total
  payments=$(echo "$sent" | sed -E 's/.*payments=([0-9]+).*/\1/')
  cancellations=$(echo "$sent" | sed -E 's/.*cancellations=([0-9]+).*/\1/')
  total=$(echo "$sent" | sed -E 's/.*events=([0-9]+).*/\1/')
  local sent_secs; sent_secs=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
  echo "  sent $total events ($payments payments, $cancellations cancellations) in $sent_secs s"
  local expected="$(( payments - cancellations )) $cancellations"
  # The flood's amounts: payment i is 10.00 + (i mod 1000) * 0.01, and every tenth payment is cancelled.
  local expected_amount; expected_amount=$(python3 -c "
from decimal import Decimal
print(sum(Decimal(1000 + i % 1000) for i in range($payments) if i % 10) / 100)")
  local got
  for _ in $(seq 1 1200); do
    got=$(ours "$desk" "$day")
    echo "  ... ledger: $got (collected, cancelled, amount)" | tr -d '\n'; echo -ne '\r'
    [ "${got% *}" = "$expected" ] && break
    sleep 1
  done
  local secs; secs=$(python3 -c "import time; print(f'{time.time() - $started:.1f}')")
  echo
  python3 -c "print(f'  ledger complete after $secs s: {$total / $secs:,.0f} events/s$note')"
  echo "  ledger totals (collected count, cancelled count, collected amount): $got; expected $expected $expected_amount"
  [ "$(python3 -c "from decimal import Decimal; print(Decimal('${got##* }') == Decimal('$expected_amount'))")" = True ] \
    && echo "  ledger correct" || echo "  LEDGER WRONG: collected amount ${got##* }, expected $expected_amount"
  cpu_used "$cpu_before" "$(cpu_seconds)"
}

if [ "$events" -gt 0 ]; then
  if [ "$warmup" -gt 0 ]; then
    echo "== warm-up: ingest of $warmup payment events (untimed; a fresh JVM compiles the ingest path meanwhile)"
    ingest "$warmup" $(( 300000 + stamp % 100000 )) "WARM-$stamp-"
  fi
  echo "== ingest of $events payment events"
  ingest "$events" $(( 100000 + stamp % 100000 )) "ING-$stamp-" " (target 20,000/s)"
fi

[ "$collections" -gt 0 ] || exit 0
echo "== reconciliation of a day of $collections collections with 10 planted discrepancies"
desk=$(( 200000 + stamp % 100000 )); day=$(day_of 8)
book "$desk" "$day" "$collections" "REC-$stamp-" "[30, 40]" "[90, 95]"
flood day localhost:19092 "$collections" "$inst" "$desk" "$day" "REC-$stamp-" > /dev/null
for _ in $(seq 1 600); do
  got=$(ours "$desk" "$day")
  [ "$(echo "$got" | cut -d' ' -f2)" = "2" ] && [ "$(echo "$got" | cut -d' ' -f1)" = "$(( collections - 4 ))" ] && break
  sleep 1
done
curl -s -o /tmp/kopru-reconcile.json -w '%{time_total}\n' -X POST "$svc/api/v1/reconciliation-runs" \
  -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  -d "{\"institution\": \"$inst\", \"desk_id\": $desk, \"day\": \"$day\"}" > /tmp/kopru-reconcile.time
python3 - "$(cat /tmp/kopru-reconcile.time)" "$stamp" <<'PY'
import json, sys
took, stamp = float(sys.argv[1]), sys.argv[2]
run = json.load(open("/tmp/kopru-reconcile.json"))["data"]
planted = {("MISSING_LOCALLY", f"REC-{stamp}-10"), ("MISSING_LOCALLY", f"REC-{stamp}-20"),
           ("MISSING_UPSTREAM", f"REC-{stamp}-30"), ("MISSING_UPSTREAM", f"REC-{stamp}-40"),
           ("AMOUNT_MISMATCH", f"REC-{stamp}-50"), ("AMOUNT_MISMATCH", f"REC-{stamp}-60"),
           ("STATUS_MISMATCH", f"REC-{stamp}-70"), ("STATUS_MISMATCH", f"REC-{stamp}-80"),
           ("DUPLICATE", f"REC-{stamp}-90"), ("DUPLICATE", f"REC-{stamp}-95")}
found = {(d["category"], d["transaction_number"]) for d in run["discrepancies"]}
print(f"  {run['result']} in {took:.2f} s (target under 5 s): ours {run['ours']['collected_count']} collected, "
      f"theirs {run['theirs']['collected_count']}; {run['discrepancy_count']} discrepancies")
print(f"  planted found: {len(found & planted)}/10; false ones: {len(found - planted)}; missed: {sorted(planted - found)}")
PY
