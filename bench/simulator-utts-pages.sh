#!/usr/bin/env bash
# Benchmark: how fast the upstream simulator serves UTTS pages of 1,000 installation records, so that it is never
# the bottleneck of a sync benchmark. Starts its own simulator (port 18090), seeds ACCOUNT_SIZE records, fetches
# PAGES pages with one client and reports start-up time, pages/s and records/s.
#   bench/simulator-utts-pages.sh [PAGES=200] [ACCOUNT_SIZE=1000000]
# Needs a built simulator: ./mvnw -pl upstream-simulator -am install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-200}"
size="${2:-1000000}"
port=18090
cp="upstream-simulator/target/classes:upstream-simulator/target/lib/*"

java -Xmx256m -cp "$cp" tr.kopru.simulator.UpstreamSimulator "$port" > /tmp/kopru-bench-simulator.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q READY /tmp/kopru-bench-simulator.log && break; sleep 0.1; done
grep READY /tmp/kopru-bench-simulator.log

base="http://localhost:$port"
scenario=$(curl -s "$base/admin/scenario" | python3 -c "
import json, sys
s = json.load(sys.stdin); s['utts_accounts'][0]['installations'] = $size; print(json.dumps(s))")
curl -s -o /dev/null -X POST "$base/admin/scenario" -H 'Content-Type: application/json' -d "$scenario"
token=$(curl -s -X POST "$base/users/login" -H 'Content-Type: application/json' \
  -d '{"email":"servis-a@example.com","password":"sim-password-a"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["item"]["accessToken"])')

start=$(date +%s.%N)
bytes=0
for page in $(seq 1 "$pages"); do
  n=$(curl -s -o /dev/null -w '%{size_download}' -H "Authorization: Bearer $token" \
    "$base/support-operations/installation-progresses?PageNumber=$page&PageSize=1000")
  bytes=$((bytes + n))
done
end=$(date +%s.%N)
python3 - "$start" "$end" "$pages" "$bytes" <<'PY'
import sys
start, end, pages, size = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
seconds = end - start
print(f"{pages} pages of 1000 records in {seconds:.2f} s: {pages / seconds:.1f} pages/s, "
      f"{pages * 1000 / seconds:,.0f} records/s, {size / pages / 1024:.0f} KiB per page")
PY
