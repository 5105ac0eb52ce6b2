#!/usr/bin/env bash
# The long fault campaign: two instances of every service, a seeded schedule of at least 60 faults over 10 minutes
# (kill -9 of instances, of Kafka and of PostgreSQL; pauses; network cuts and stalls; upstream faults), then the
# checker. Prints the campaign's table; exit code 1 when money, an event or a ledger went wrong.
#   bench/chaos.sh [MINUTES] [SEED]        e.g. bench/chaos.sh 10 4242   (after a build: ./mvnw install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
seed="${2:-$(date +%s)}"
exec ./kopru chaos --minutes "$minutes" --seed "$seed" --no-build
