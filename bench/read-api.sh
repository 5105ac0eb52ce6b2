#!/usr/bin/env bash
# Benchmark: every read endpoint of the four services at scale, on the real PostgreSQL of the local run.
# Seeds (once; a schema already seeded is left as it is) 2,000,000 installations, 1,000,000 collections over a year,
# a year of ledger at 10 desks (1,095,000 entries, 3,650 reconciliation runs) and 200,000 declaration updates, from
# bench/read-api/<schema>.sql, then times each endpoint: a warm-up of 30 calls, then REQUESTS calls from CONCURRENCY
# clients (defaults 400 and 2; an endpoint is timed for at most 20 s). Prints p50, p99 and the slowest call per
# endpoint; the target is p99 < 50 ms.
#   bench/read-api.sh [REQUESTS] [CONCURRENCY]
# Starts the local run (./kopru up --detach --no-build) if it is not running, and leaves it running; the seeded rows
# stay (./kopru down && rm -rf .kopru starts afresh).
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-400}"
concurrency="${2:-2}"
key="kopru-local-demo-key"
bench() { java -Xmx512m -cp "deploy/target/classes:deploy/target/lib/*" tr.kopru.local.bench.ReadApiBench "$@"; }
uuid_of() { python3 -c "import hashlib, uuid; print(uuid.UUID(hashlib.md5(b'$1').hexdigest()))"; }
first_id() {  # base-url path: the id of the first item the list answers
  curl -s "$1$2" -H "X-API-Key: $key" | python3 -c 'import json, sys; print(json.load(sys.stdin)["data"][0]["id"])'
}

./kopru status > /dev/null 2>&1 || ./kopru up --detach --no-build
echo "Seeding (once)"
bench seed "jdbc:postgresql://localhost:15432/kopru" bench/read-api

inst=http://localhost:8081; coll=http://localhost:8082; reco=http://localhost:8083; decl=http://localhost:8084
yesterday=$(python3 -c "import datetime; print(datetime.date.today() - datetime.timedelta(days=1))")
month_ago=$(python3 -c "import datetime; print(datetime.date.today() - datetime.timedelta(days=30))")
# A plate and a tax number that exist: those of one seeded installation.
read -r plate tax_number < <(curl -s "$inst/api/v1/installations/BENCH-123450" -H "X-API-Key: $key" | python3 -c '
import json, sys; d = json.load(sys.stdin)["data"]; print(d["licence_plate"].replace(" ", ""), d["owner"]["tax_number"])')
endpoints=$(mktemp)
cat > "$endpoints" <<LIST
installations (unfiltered)|$inst/api/v1/installations
installations?status|$inst/api/v1/installations?status=Aktif
installations?service_company|$inst/api/v1/installations?service_company=Servis%20%C5%9Eirketi%207
installations?licence_plate|$inst/api/v1/installations?licence_plate=$plate
installations?owner_tax_number|$inst/api/v1/installations?owner_tax_number=$tax_number
installations?activated_from&to (a month)|$inst/api/v1/installations?activated_from=$month_ago&activated_to=$yesterday
installations?offset=10000|$inst/api/v1/installations?offset=10000
installations/{code}|$inst/api/v1/installations/BENCH-123450
installations/summary|$inst/api/v1/installations/summary
sync-runs|$inst/api/v1/sync-runs
sync-runs/{id}|$inst/api/v1/sync-runs/$(first_id $inst /api/v1/sync-runs)
collections (unfiltered)|$coll/api/v1/collections
collections?institution&collection_date|$coll/api/v1/collections?institution=bench-belediye-a&collection_date=$yesterday
collections?state=REJECTED|$coll/api/v1/collections?state=REJECTED
collections?invoice_number|$coll/api/v1/collections?invoice_number=BENCH0000000000000123457
collections/summary|$coll/api/v1/collections/summary
collections/{id}|$coll/api/v1/collections/$(uuid_of bench-collection-123457)
standing-instructions|$coll/api/v1/standing-instructions
standing-instructions/{id}|$coll/api/v1/standing-instructions/$(uuid_of bench-instruction-4321)
standing-instructions/{id}/payments|$coll/api/v1/standing-instructions/$(uuid_of bench-instruction-4321)/payments
scan-runs|$coll/api/v1/scan-runs
operations/collections|$coll/api/v1/operations/collections
operations/sweep-anomalies|$coll/api/v1/operations/sweep-anomalies
ledger/totals (desk, day)|$reco/api/v1/ledger/totals?institution=bench-belediye&desk_id=903&day=$yesterday
ledger (entries of a desk's day)|$reco/api/v1/ledger?institution=bench-belediye&desk_id=903&day=$yesterday
reconciliation-runs|$reco/api/v1/reconciliation-runs
reconciliation-runs?institution&desk&from&to|$reco/api/v1/reconciliation-runs?institution=bench-belediye&desk_id=903&from=$month_ago&to=$yesterday
reconciliation-runs/{id}|$reco/api/v1/reconciliation-runs/$(first_id $reco /api/v1/reconciliation-runs)
reconciliation-runs/summary?days=30|$reco/api/v1/reconciliation-runs/summary?days=30
reconciliation-runs/summary?days=366&limit=1000|$reco/api/v1/reconciliation-runs/summary?days=366&limit=1000
declaration-updates|$decl/api/v1/declaration-updates
declaration-updates?status=SENT|$decl/api/v1/declaration-updates?status=SENT
declaration-updates/{id}|$decl/api/v1/declaration-updates/$(uuid_of bench-update-123456)
declarations/{id}|$decl/api/v1/declarations/BENCH-12345
declarations/{id}/updates|$decl/api/v1/declarations/BENCH-12345/updates
code-tables|$decl/api/v1/code-tables
LIST
echo "Timing $requests calls per endpoint from $concurrency clients"
bench measure "$key" "$requests" "$concurrency" "$endpoints"
rm -f "$endpoints"
