#!/usr/bin/env bash
# How the service's figures move with the size of the database: for each size (clients:incidents[:services],
# default "10000:1000000:1000 10000:10000000:1000"; 100 services when not given), a fresh PostgreSQL 15
# cluster (Debian's initdb/pg_ctl, data under
# target/scaling), the packaged service on it (it migrates the schema), bench/seed.sql scaled to that size
# (5 years of incidents, one service each, 5 covered services per client), then, on the last full month:
#   - one client's month through the API: median and p90 over 40 requests, 40 different clients;
#   - the same read in PostgreSQL alone (the service's statement, EXPLAIN ANALYZE execution time, median of 15);
#   - the month's raw read (psql \copy of the window's incident rows, median of 5);
#   - the all-clients month report (JSON), median of 3;
#   - ingest: 5 batches of 1,000 new incidents through POST /api/incidents/batch, median seconds per batch;
#   - the table and index sizes.
# Usage (after ./mvnw -B -o -q package -DskipTests): bench/scaling.sh ["clients:incidents[:services]" ...]
# Environment: SCALING_APP (the quarkus-app directory, default target/quarkus-app), SCALING_HEAP (-Xmx, 512m).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=("10000:1000000:1000" "10000:10000000:1000")
app=${SCALING_APP:-target/quarkus-app}
heap=${SCALING_HEAP:-512m}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
root=$PWD/target/scaling
pg_port=${SCALING_PG_PORT:-55611}
http_port=${SCALING_HTTP_PORT:-8111}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAq "$@"; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
p90() { sort -g | awk '{a[NR]=$1} END {if (NR) print a[int(NR*0.9 + 0.999)]}'; }
service_pid=""
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  [ -f "$root/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

end_month=$(date -u +%Y-%m-01)
month=$(date -u -d "$end_month -1 month" +%Y-%m)
from="${month}-01T00:00:00Z"
to="${end_month}T00:00:00Z"
echo "scaling benchmark on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), month $month, heap $heap"

for size in "${sizes[@]}"; do
  IFS=: read -r clients incidents services <<< "$size"
  services=${services:-100}
  cleanup
  service_pid=""
  rm -rf "$root"
  mkdir -p "$root/run"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$root"
  as_postgres "$bin/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >> "$root/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$root/run'
shared_buffers = 1GB
max_wal_size = 8GB
checkpoint_timeout = 30min
EOF
  as_postgres "$bin/pg_ctl" -D "$root/data" -l "$root/postgres.log" -o "-p $pg_port" -w start >/dev/null

  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$pg_port/postgres QUARKUS_DATASOURCE_USERNAME=postgres
  export SLA_LEDGER_DEMO_DATA_ENABLED=false SLA_LEDGER_ADMIN_USERNAME=bench SLA_LEDGER_ADMIN_PASSWORD=bench-password-1
  java -Xmx"$heap" -Dquarkus.http.port="$http_port" -jar "$app/quarkus-run.jar" > "$root/service.log" 2>&1 &
  service_pid=$!
  until curl -fs "http://localhost:$http_port/q/health/ready" >/dev/null 2>&1; do sleep 0.5; done
  token=$(curl -fsS -u bench:bench-password-1 -X POST "http://localhost:$http_port/api/tokens" \
    -H 'Content-Type: application/json' -d '{"name":"scaling-benchmark"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  auth=(-H "Authorization: Bearer $token")

  # bench/seed.sql is written for 1,000 clients and 1,000,000 incidents; scale both
  sed -e "s/\b1000000\b/$incidents/g" -e "s/generate_series(1, 1000) n/generate_series(1, $clients) n/g" \
      -e "s/% 1000\b/% $clients/g" -e "s/generate_series(1, 100) n/generate_series(1, $services) n/" \
      -e "s/% 100)/% $services)/g" -e "s/1 + n % 100 from/1 + n % $services from/" -e "s/(n \* 31) % 100 from/(n * 31) % $services from/" \
      -e "s/setval('service_seq', 200)/setval('service_seq', $((services + 100)))/" -e "s/setval('client_seq', 1100)/setval('client_seq', $((clients + 100)))/" \
      -e "s/setval('contract_seq', 1100)/setval('contract_seq', $((clients + 100)))/" \
      -e "s/setval('incident_seq', 1000100)/setval('incident_seq', $((incidents + 100)))/" \
      bench/seed.sql > "$root/seed.sql"
  seed_start=$(date +%s.%N)
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -q -v end_month="$end_month" -f "$root/seed.sql" >/dev/null
  seed_s=$(echo "$(date +%s.%N) - $seed_start" | bc)
  echo
  echo "== $clients clients, $services services, $incidents incidents (seeded by SQL in ${seed_s%.*} s)"
  sql -c "select 'sizes: incident ' || pg_size_pretty(pg_relation_size('incident'))
            || ', its indexes ' || pg_size_pretty(pg_indexes_size('incident'))
            || ', incident_service ' || pg_size_pretty(pg_total_relation_size('incident_service'))
            || ', month rows ' || (select count(*) from incident
                 where tstzrange(started_at, impact_ended_at, '[)') && tstzrange('$from', '$to', '[)'))"

  # warm up: the first requests load the code and the caches
  for c in 1 2 3; do curl -fsS "${auth[@]}" -o /dev/null "http://localhost:$http_port/api/reports/clients/client-$c/sla?month=$month"; done

  step=$(( clients / 40 )); [ "$step" -lt 1 ] && step=1
  for k in $(seq 1 40); do
    c=$(( 1 + (k * step * 7919) % clients ))
    curl -fsS "${auth[@]}" -o /dev/null -w '%{time_total}\n' "http://localhost:$http_port/api/reports/clients/client-$c/sla?month=$month"
  done > "$root/one-client.txt"
  echo "one client's month (API, 40 clients): median $(median < "$root/one-client.txt") s, p90 $(p90 < "$root/one-client.txt") s"

  for k in $(seq 1 15); do
    c=$(( 1 + (k * 104729) % clients ))
    services=$(sql -c "select string_agg(quote_literal(s.key), ',') from contract_service cs join service s on s.id = cs.service_id where cs.contract_id = $c")
    sql -c "set jit = off; set max_parallel_workers_per_gather = 0;" -c "explain (analyze, format json)
      select i.id, i.title, i.severity, i.impact_percent, i.excluded,
             i.started_at, i.detected_at, i.acknowledged_at, i.mitigated_at, i.resolved_at,
             (select string_agg(x.service_id::text, ',') from incident_service x where x.incident_id = i.id) as service_ids,
             (select string_agg(y.client_id::text, ',') from incident_client y where y.incident_id = i.id) as client_ids
        from incident i
       where (tstzrange(i.started_at, i.impact_ended_at, '[)') && tstzrange('$from', '$to', '[)')
              or (i.started_at >= '$from' and i.started_at < '$to'))
         and i.id in (select y.incident_id from incident_client y where y.client_id = (select c.id from client c where c.key = 'client-$c')
                      union
                      select x.incident_id from incident_service x
                       where x.service_id = any(array(select s.id from service s where s.key in ($services)))
                         and x.impact_period && tstzrange('$from', '$to', '[)'))
         and (exists (select 1 from incident_client y where y.incident_id = i.id
                         and y.client_id = (select c.id from client c where c.key = 'client-$c'))
              or not exists (select 1 from incident_client y where y.incident_id = i.id))
       order by i.started_at, i.id" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"] / 1000)'
  done > "$root/one-client-sql.txt"
  echo "one client's month (PostgreSQL alone, 15 clients): median $(median < "$root/one-client-sql.txt") s"

  for k in 1 2 3 4 5; do
    start=$(date +%s.%N)
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -q -c "\\copy (select i.*,
        (select string_agg(x.service_id::text, ',') from incident_service x where x.incident_id = i.id),
        (select string_agg(y.client_id::text, ',') from incident_client y where y.incident_id = i.id)
      from incident i where tstzrange(i.started_at, i.impact_ended_at, '[)') && tstzrange('$from', '$to', '[)')) to '/dev/null'"
    echo "$(date +%s.%N) - $start" | bc
  done > "$root/raw.txt"
  echo "raw read of the month's rows (psql): median $(median < "$root/raw.txt") s"

  for k in 1 2 3; do
    curl -fsS "${auth[@]}" -o /dev/null -w '%{time_total}\n' "http://localhost:$http_port/api/reports/sla?month=$month"
  done > "$root/all-clients.txt"
  echo "all-clients month report (JSON): median $(median < "$root/all-clients.txt") s"

  for b in 1 2 3 4 5; do
    python3 - "$b" "$month" > "$root/batch.json" <<'PY'
import json, sys
from datetime import datetime, timedelta, timezone
b, month = int(sys.argv[1]), sys.argv[2]
start = datetime.strptime(month + '-01', '%Y-%m-%d').replace(tzinfo=timezone.utc)
iso = lambda d: d.strftime('%Y-%m-%dT%H:%M:%SZ')
items = []
for i in range(1000):
    t = start + timedelta(minutes=(b * 1000 + i) * 2)
    items.append({"source": "scaling", "externalId": f"s-{b}-{i}", "title": f"Scaling incident {b}/{i}",
                  "severity": "SEV%d" % (1 + i % 4), "affectedServices": ["svc-%d" % (1 + i % 100)],
                  "impactPercent": 1 + i % 100, "startedAt": iso(t), "detectedAt": iso(t + timedelta(minutes=1)),
                  "acknowledgedAt": iso(t + timedelta(minutes=3)), "mitigatedAt": iso(t + timedelta(minutes=12)),
                  "resolvedAt": iso(t + timedelta(minutes=15))})
print(json.dumps({"incidents": items}))
PY
    curl -fsS "${auth[@]}" -o /dev/null -w '%{time_total}\n' -X POST "http://localhost:$http_port/api/incidents/batch" \
      -H 'Content-Type: application/json' --data-binary @"$root/batch.json"
  done > "$root/ingest.txt"
  echo "ingest, batches of 1,000 new incidents: median $(median < "$root/ingest.txt") s per batch ($(tr '\n' ' ' < "$root/ingest.txt"))"
done
