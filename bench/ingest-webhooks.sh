#!/usr/bin/env bash
# Webhook ingest benchmark: 10,000 Alertmanager deliveries (one alert each, every one a new incident,
# half of them resolved) posted by 8 concurrent senders to the packaged service, which runs with
# -Xmx512m on its own embedded PostgreSQL under target/bench-ingest. Prints deliveries/s and latencies,
# then the same deliveries from wrk (bench/ingest-webhooks.lua) when it is installed. Each figure comes with the
# CPU the service's C2 JIT compiler threads used meanwhile: well above a few tenths of a second per 10 s, the
# service was still being compiled and the figure is not a warm one (docs/performance.md, webhook ingest).
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

# CPU seconds the service's C2 compiler threads have used so far (utime + stime of /proc/<pid>/task/*/stat)
c2_seconds() {
  local ticks=0 line rest
  for stat in /proc/$service/task/*/stat; do
    read -r line < "$stat" 2>/dev/null || continue
    [[ $line == *"(C2 CompilerThre)"* ]] || continue
    rest=${line##*) }
    read -r -a f <<< "$rest"
    ticks=$((ticks + f[11] + f[12]))
  done
  awk -v t=$ticks -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
# compilations so far (jstat -compiler, from the JDK)
compilations() { jstat -compiler $service | awk 'NR == 2 { print $1 }'; }
# what the JIT did since c2_seconds and compilations returned $1 and $2
jit_since() {
  awk -v a="$1" -v b="$(c2_seconds)" -v n="$2" -v m="$(compilations)" \
    'BEGIN { printf "C2 compiler CPU %.2f s, %d compilations", b - a, m - n }'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm-up, not counted, until the JIT has settled: 10 s wrk rounds until the C2 compiler threads use under 0.5 s of
# CPU in one (at most 30 rounds). A fixed number of deliveries is no measure of it: tiered compilation of this
# service (Quarkus, Vert.x, Hibernate, Jackson) takes some 17,000 compilations and 20 s of C2 CPU, which on two
# shared cores was 25,000-35,000 deliveries and 1.5-4 minutes; 20,000 were not enough.
if command -v wrk > /dev/null; then
  for round in $(seq 1 30); do
    c2_before=$(c2_seconds)
    RUN="warmup-$round-$(date +%s%N)" SECRET=$secret SERVICE=bench-alerts \
      wrk -t2 -c"$senders" -d10s -s bench/ingest-webhooks.lua "$base" > /dev/null
    c2_round=$(awk -v a="$c2_before" -v b="$(c2_seconds)" 'BEGIN { printf "%.2f", b - a }')
    echo "warm-up round $round: C2 compiler CPU $c2_round s in 10 s"
    awk -v c="$c2_round" 'BEGIN { exit !(c < 0.5) }' && break
  done
else
  java bench/IngestWebhooksBench.java "$base" "$secret" bench-alerts 3000 "$senders" "warmup-$(date +%s%N)" > /dev/null
  echo "warm-up: 3,000 deliveries from the JDK client (wrk is not installed: the JIT may not have settled)"
fi
c2_before=$(c2_seconds); compiled_before=$(compilations)
java bench/IngestWebhooksBench.java "$base" "$secret" bench-alerts "$count" "$senders" "run-$(date +%s%N)"
echo "  meanwhile: $(jit_since "$c2_before" "$compiled_before")"
# the same deliveries from wrk (a far lighter client: the JDK client above takes a third of the machine),
# for as long as the JDK run's deliveries would take at 1,000/s, at least 10 s
if command -v wrk > /dev/null; then
  seconds=$(( count / 1000 > 10 ? count / 1000 : 10 ))
  echo "wrk, $senders connections, ${seconds} s:"
  c2_before=$(c2_seconds); compiled_before=$(compilations)
  RUN="wrk-$(date +%s%N)" SECRET=$secret SERVICE=bench-alerts \
    wrk -t2 -c"$senders" -d"${seconds}s" -s bench/ingest-webhooks.lua "$base" | grep -E '^(deliveries|latency)'
  echo "  meanwhile: $(jit_since "$c2_before" "$compiled_before")"
else
  echo "wrk is not installed (apt-get install -y wrk): the lighter client's run is left out"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "inbox: $(curl -fsS "${auth[@]}" "$base/api/ingest/deliveries?outcome=APPLIED&size=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"], "applied deliveries kept")')"
echo "service memory: $(ps -o rss= -p $service | awk '{printf "%d MB RSS", $1/1024}')"
