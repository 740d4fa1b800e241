#!/usr/bin/env bash
# Webhook ingest benchmark: 10,000 Alertmanager deliveries (one alert each, every one a new incident,
# half of them resolved) posted by 8 concurrent senders to the packaged service, which runs with
# -Xmx512m on its own embedded PostgreSQL under target/bench-ingest. Prints deliveries/s and latencies,
# then the same deliveries from wrk (bench/ingest-webhooks.lua) when it is installed.
# Rerunnable: each run uses new fingerprints.
#   ./mvnw package -DskipTests && bench/ingest-webhooks.sh [deliveries] [senders] [http-port] [pg-port]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
senders=${2:-8}
http_port=${3:-8103}
pg_port=${4:-55503}
base=http://localhost:$http_port
secret=bench-alertmanager-secret
export SLA_LEDGER_DATA_DIR=$PWD/target/bench-ingest/pg SLA_LEDGER_EMBEDDED_PORT=$pg_port SLA_LEDGER_DEMO_DATA_ENABLED=false
export SLA_LEDGER_ADMIN_USERNAME=bench SLA_LEDGER_ADMIN_PASSWORD=bench-password-1
export SLA_LEDGER_WEBHOOKS_ALERTMANAGER_SECRET=$secret
mkdir -p target/bench-ingest

java -Xmx512m -Dquarkus.http.port="$http_port" -jar target/quarkus-app/quarkus-run.jar > target/bench-ingest/service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT
until curl -fs "$base/q/health/ready" >/dev/null 2>&1; do
  kill -0 $service 2>/dev/null || { echo "the service did not start; see target/bench-ingest/service.log"; exit 1; }
  sleep 0.5
done
auth=(-u "$SLA_LEDGER_ADMIN_USERNAME:$SLA_LEDGER_ADMIN_PASSWORD")
curl -fsS "${auth[@]}" -o /dev/null "$base/api/services/bench-alerts" 2>/dev/null \
  || curl -fsS "${auth[@]}" -o /dev/null -X POST "$base/api/services" -H 'Content-Type: application/json' \
       -d '{"key":"bench-alerts","name":"Benchmark alerts"}'

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# warm-up (JIT, connection pool): 3,000 deliveries, not counted (with fewer the JIT compilers still take half the CPU)
java bench/IngestWebhooksBench.java "$base" "$secret" bench-alerts 3000 "$senders" "warmup-$(date +%s%N)" > /dev/null
java bench/IngestWebhooksBench.java "$base" "$secret" bench-alerts "$count" "$senders" "run-$(date +%s%N)"
# the same deliveries from wrk (a far lighter client: the JDK client above takes a third of the machine),
# for as long as the JDK run's deliveries would take at 1,000/s, at least 10 s
if command -v wrk > /dev/null; then
  seconds=$(( count / 1000 > 10 ? count / 1000 : 10 ))
  echo "wrk, $senders connections, ${seconds} s:"
  RUN="wrk-$(date +%s%N)" SECRET=$secret SERVICE=bench-alerts \
    wrk -t2 -c"$senders" -d"${seconds}s" -s bench/ingest-webhooks.lua "$base" | grep -E '^(deliveries|latency)'
else
  echo "wrk is not installed (apt-get install -y wrk): the lighter client's run is left out"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "inbox: $(curl -fsS "${auth[@]}" "$base/api/ingest/deliveries?outcome=APPLIED&size=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"], "applied deliveries kept")')"
echo "service memory: $(ps -o rss= -p $service | awk '{printf "%d MB RSS", $1/1024}')"
