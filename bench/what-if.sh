#!/usr/bin/env bash
# Benchmark of the contract what-if against the month reports on the same database: the fleet what-if over
# 12 months for every client (POST /api/what-if/fleet) against the all-clients month report
# (GET /api/reports/sla), with a proposal that needs no new measurement (a target) and one that does (the
# FULL impact model); and one client's 12-month what-if against that client's month report. Rounds are
# interleaved (report, what-if, what-if, ...) so machine load hits each alike; prints every time, the
# medians and the ratios (what-if / month report), which are what a shared machine can vouch for.
#   ./mvnw package -DskipTests && bench/what-if.sh [rounds]
# The fleet is bench/seed.sql (1,000 clients, 100 services, 1,000,000 incidents over five years), scaled by
# BENCH_CLIENTS and BENCH_INCIDENTS for a quick check (e.g. 50 and 50000); each size keeps its own database
# under target/bench-what-if/, seeded once (needs psql). BENCH_PG_PORT (55434), BENCH_HTTP_PORT (8113),
# BENCH_APP (target/quarkus-app).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}
clients=${BENCH_CLIENTS:-1000}
incidents=${BENCH_INCIDENTS:-1000000}
port=${BENCH_PG_PORT:-55434}
http_port=${BENCH_HTTP_PORT:-8113}
app=${BENCH_APP:-target/quarkus-app}
dir=$PWD/target/bench-what-if/pg-$clients-$incidents
export SLA_LEDGER_DATA_DIR=$dir SLA_LEDGER_EMBEDDED_PORT=$port SLA_LEDGER_DEMO_DATA_ENABLED=false
export SLA_LEDGER_ADMIN_USERNAME=bench SLA_LEDGER_ADMIN_PASSWORD=bench-password-1
base=http://localhost:$http_port
end_month=$(date -u +%Y-%m-01)
month=$(date -u -d "$end_month -1 month" +%Y-%m)       # the last complete month
first=$(date -u -d "$end_month -12 month" +%Y-%m)      # twelve months up to it

mkdir -p "$(dirname "$dir")"
java -Xmx512m -Dquarkus.http.port=$http_port -jar "$app/quarkus-run.jar" > target/bench-what-if/service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT
until curl -fs "$base/q/health/ready" >/dev/null 2>&1; do sleep 0.5; done
token=$(curl -fsS -u "$SLA_LEDGER_ADMIN_USERNAME:$SLA_LEDGER_ADMIN_PASSWORD" -X POST "$base/api/tokens" \
  -H 'Content-Type: application/json' -d '{"name":"benchmark"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
auth=(-H "Authorization: Bearer $token")

if [ "$(psql -h localhost -p $port -U postgres -d postgres -tAc "select count(*) from client")" = "0" ]; then
  echo "Seeding $clients clients and $incidents incidents up to $end_month ..."
  # the seed's fleet size, scaled: client and incident counts, the spread of incidents, the named clients
  sed -e "s/generate_series(1, 1000) n/generate_series(1, $clients) n/g" \
      -e "s/% 1000 from/% $clients from/" \
      -e "s/generate_series(1, 1000000) n/generate_series(1, $incidents) n/g" \
      -e "s|/ 1000000) as s|/ $incidents) as s|" \
      -e "s/generate_series(20, 1000000, 20)/generate_series(20, $incidents, 20)/" bench/seed.sql \
    | psql -h localhost -p $port -U postgres -d postgres -q -v end_month="$end_month" >/dev/null
fi
psql -h localhost -p $port -U postgres -d postgres -tAc \
  "select count(*) || ' incidents, ' || (select count(*) from client) || ' clients' from incident"

target='{"from":"'$first'","to":"'$month'","proposal":{"targetPercent":99.995}}'
full='{"from":"'$first'","to":"'$month'","proposal":{"impactModel":"FULL"}}'
one='{"clientKey":"client-1","from":"'$first'","to":"'$month'","proposal":{"impactModel":"FULL"}}'
get() { curl -fsS "${auth[@]}" -o /dev/null -w '%{time_total}' "$base$1"; }
post() { curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d "$2" -o /dev/null -w '%{time_total}' "$base$1"; }

# warm-up (JIT, caches), and a look at the answers
get "/api/reports/sla?month=$month" >/dev/null
curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d "$target" "$base/api/what-if/fleet" \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); print(len(r["clients"]), "clients;", ", ".join(t["currency"] + " " + t["currentCredit"] + " -> " + t["proposedCredit"] for t in r["totals"]))'
post /api/what-if/fleet "$full" >/dev/null; post /api/what-if "$one" >/dev/null; get "/api/reports/clients/client-1/sla?month=$month" >/dev/null

declare -a report fleet_target fleet_full client_month client_whatif
for _ in $(seq 1 "$rounds"); do
  report+=("$(get "/api/reports/sla?month=$month")")
  fleet_target+=("$(post /api/what-if/fleet "$target")")
  fleet_full+=("$(post /api/what-if/fleet "$full")")
  client_month+=("$(get "/api/reports/clients/client-1/sla?month=$month")")
  client_whatif+=("$(post /api/what-if "$one")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
show() { local name=$1; shift; echo "$name: median $(median "$@") s ($*)"; }
show "all-clients month report, $month" "${report[@]}"
show "fleet what-if $first..$month, target only (no new measurement)" "${fleet_target[@]}"
show "fleet what-if $first..$month, impact model FULL (measured again)" "${fleet_full[@]}"
show "one client's month report" "${client_month[@]}"
show "one client's what-if, 12 months, FULL" "${client_whatif[@]}"
python3 - "$(median "${report[@]}")" "$(median "${fleet_target[@]}")" "$(median "${fleet_full[@]}")" \
  "$(median "${client_month[@]}")" "$(median "${client_whatif[@]}")" <<'PY'
import sys
report, target, full, month, one = map(float, sys.argv[1:])
print(f"ratios: fleet what-if / all-clients report: target {target / report:.1f}x, FULL {full / report:.1f}x (goal: within 10x); "
      f"one client's 12-month what-if / its month report: {one / month:.1f}x")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); service memory: $(ps -o rss= -p $service | awk '{printf "%d MB RSS", $1/1024}')"
