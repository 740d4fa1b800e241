#!/usr/bin/env bash
# Benchmark of the SLA month reports on 1,000 clients, 100 services and 1,000,000 incidents over five
# years (bench/seed.sql). Starts the packaged service with -Xmx512m on its own embedded PostgreSQL
# under target/bench, seeds it once (needs psql), then times the all-clients month report and one
# client's month report and prints every run and the median.
#   ./mvnw package -DskipTests && bench/reports.sh [runs]
# BENCH_PG_PORT (55433) and BENCH_HTTP_PORT (8080) let two copies run side by side; with wrk installed,
# one client's month is also loaded at 8 connections for BENCH_WRK_SECONDS (20) and its p50/p99 printed.
# BENCH_SAVE (target/bench-report.json) keeps the all-clients JSON. BENCH_APP (target/quarkus-app) names the packaged application to start, e.g. a copy of an earlier build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
port=${BENCH_PG_PORT:-55433}
http_port=${BENCH_HTTP_PORT:-8080}
wrk_seconds=${BENCH_WRK_SECONDS:-20}
app=${BENCH_APP:-target/quarkus-app}
export SLA_LEDGER_DATA_DIR=$PWD/target/bench/pg SLA_LEDGER_EMBEDDED_PORT=$port SLA_LEDGER_DEMO_DATA_ENABLED=false
export SLA_LEDGER_ADMIN_USERNAME=bench SLA_LEDGER_ADMIN_PASSWORD=bench-password-1
base=http://localhost:$http_port
end_month=$(date -u +%Y-%m-01)
month=$(date -u -d "$end_month -1 month" +%Y-%m)

java -Xmx512m -Dquarkus.http.port=$http_port -jar "$app/quarkus-run.jar" > target/bench-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT
until curl -fs "$base/q/health/ready" >/dev/null 2>&1; do sleep 0.5; done
# an API token, as scripts should use: HTTP Basic would add a bcrypt check to every timed request
token=$(curl -fsS -u "$SLA_LEDGER_ADMIN_USERNAME:$SLA_LEDGER_ADMIN_PASSWORD" -X POST "$base/api/tokens" \
  -H 'Content-Type: application/json' -d '{"name":"benchmark"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
auth=(-H "Authorization: Bearer $token")

clients=$(psql -h localhost -p $port -U postgres -d postgres -tAc "select count(*) from client")
if [ "$clients" = "0" ]; then
  echo "Seeding 1,000 clients and 1,000,000 incidents up to $end_month ..."
  psql -h localhost -p $port -U postgres -d postgres -q -v end_month="$end_month" -f bench/seed.sql >/dev/null
fi
psql -h localhost -p $port -U postgres -d postgres -tAc \
  "select count(*) || ' incidents, ' || (select count(*) from client) || ' clients' from incident"

time_runs() {
  local name=$1 url=$2
  local times=()
  curl -fsS "${auth[@]}" -o /dev/null "$url"   # warm-up: JIT and caches
  for _ in $(seq 1 "$runs"); do
    times+=("$(curl -fsS "${auth[@]}" -o /dev/null -w '%{time_total}' "$url")")
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$name: median ${median} s over $runs runs (${times[*]})"
}

report=${BENCH_SAVE:-target/bench-report.json}   # kept, so that two builds' answers can be compared
curl -fsS "${auth[@]}" -o "$report" "$base/api/reports/sla?month=$month"
rows=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["clients"]))' "$report")
echo "all-clients report for $month has $rows rows"
time_runs "all clients, $month" "$base/api/reports/sla?month=$month"
time_runs "one client, $month" "$base/api/reports/clients/client-1/sla?month=$month"
time_runs "all clients, $month, CSV" "$base/api/reports/sla?month=$month&format=csv"
if command -v wrk >/dev/null; then
  wrk -t2 -c8 -d"${wrk_seconds}s" --latency -H "Authorization: Bearer $token" \
    "$base/api/reports/clients/client-1/sla?month=$month" | awk -v m="$month" \
    '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Requests\/sec/ {rps=$2} END {print "one client, " m ", wrk 8 connections: p50 " p50 ", p99 " p99 ", " rps " req/s"}'
fi
echo "service memory: $(ps -o rss= -p $service | awk '{printf "%d MB RSS", $1/1024}')"
