#!/usr/bin/env bash
# Reports on a read replica: starts a PostgreSQL 15 primary and a streaming hot standby of it on this machine
# (initdb, pg_basebackup -R, pg_ctl; data under target/replica), then two copies of the packaged service on the
# primary: one reading its reports from the standby (SLA_LEDGER_REPORTS_JDBC_URL), one without it. Seeds a
# smaller fleet than bench/reports.sh (bench/seed.sql, 1,000 clients, REPLICA_INCIDENTS incidents), waits until
# the standby has replayed it, then times the all-clients month and one client's month on both copies,
# interleaved (replica, primary, replica, ...), checks that both answer the same, and shows from the standby's
# own statistics that it served the report reads.
#   ./mvnw -B -o -q package -DskipTests && bench/replica.sh [runs]
# REPLICA_INCIDENTS (200000), REPLICA_APP (target/quarkus-app), REPLICA_PG_BIN (/usr/lib/postgresql/15/bin).
# As root, PostgreSQL runs as the 'postgres' user (it refuses to run as root). Everything stops on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
incidents=${REPLICA_INCIDENTS:-200000}
app=${REPLICA_APP:-target/quarkus-app}
bin=${REPLICA_PG_BIN:-/usr/lib/postgresql/15/bin}
dir=$PWD/target/replica
[ -f "$app/quarkus-run.jar" ] || { echo "No $app/quarkus-run.jar: run ./mvnw -B -o -q package -DskipTests first" >&2; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { psql -h 127.0.0.1 -p "$1" -U postgres -d postgres -tAq -c "$2"; }

primary_port=$(free_port); standby_port=$(free_port); replica_http=$(free_port); primary_http=$(free_port)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for data in "$dir/standby" "$dir/primary"; do
    [ -f "$data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

rm -rf "$dir"
mkdir -p "$dir/run"
[ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
as_postgres "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# a report read on the standby that holds back replay is cancelled after max_standby_streaming_delay (30 s,
# the default); hot_standby_feedback tells the primary which rows the standby's queries still read, so
# vacuum on the primary does not remove them and cause such conflicts in the first place
cat >> "$dir/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/run'
wal_level = replica
max_wal_senders = 4
shared_buffers = 256MB
EOF
as_postgres "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -o "-p $primary_port" -w start >/dev/null
as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$dir/standby" -R -X stream -c fast
cat >> "$dir/standby/postgresql.conf" <<EOF
hot_standby = on
hot_standby_feedback = on
max_standby_streaming_delay = 30s
EOF
as_postgres "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -o "-p $standby_port" -w start >/dev/null
echo "primary on port $primary_port, standby on port $standby_port (in recovery: $(sql "$standby_port" 'select pg_is_in_recovery()'))"

export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$primary_port/postgres QUARKUS_DATASOURCE_USERNAME=postgres
export SLA_LEDGER_DEMO_DATA_ENABLED=false SLA_LEDGER_ADMIN_USERNAME=bench SLA_LEDGER_ADMIN_PASSWORD=bench-password-1
SLA_LEDGER_REPORTS_JDBC_URL=jdbc:postgresql://127.0.0.1:$standby_port/postgres SLA_LEDGER_REPORTS_USERNAME=postgres \
  java -Xmx512m -Dquarkus.http.port="$replica_http" -jar "$app/quarkus-run.jar" > "$dir/service-replica.log" 2>&1 &
pids+=($!)
# the second copy starts once the first has migrated the schema (two racing migrations would wait on a lock)
until curl -fs "http://localhost:$replica_http/q/health/ready" >/dev/null 2>&1; do sleep 0.5; done
java -Xmx512m -Dquarkus.http.port="$primary_http" -jar "$app/quarkus-run.jar" > "$dir/service-primary.log" 2>&1 &
pids+=($!)
until curl -fs "http://localhost:$primary_http/q/health/ready" >/dev/null 2>&1; do sleep 0.5; done
token() {
  curl -fsS -u "$SLA_LEDGER_ADMIN_USERNAME:$SLA_LEDGER_ADMIN_PASSWORD" -X POST "http://localhost:$1/api/tokens" \
    -H 'Content-Type: application/json' -d '{"name":"replica-benchmark"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
replica_token=$(token "$replica_http"); primary_token=$(token "$primary_http")

end_month=$(date -u +%Y-%m-01)
month=$(date -u -d "$end_month -1 month" +%Y-%m)
echo "Seeding 1,000 clients and $incidents incidents up to $end_month on the primary ..."
sed "s/\b1000000\b/$incidents/g" bench/seed.sql > "$dir/seed.sql"
seed_start=$(date +%s.%N)
psql -h 127.0.0.1 -p "$primary_port" -U postgres -d postgres -q -v end_month="$end_month" -f "$dir/seed.sql" >/dev/null
target_lsn=$(sql "$primary_port" 'select pg_current_wal_lsn()')
until [ "$(sql "$standby_port" "select pg_last_wal_replay_lsn() >= '$target_lsn'::pg_lsn")" = t ]; do sleep 0.2; done
echo "seeded and replayed on the standby in $(python3 -c "import time; print(round(time.time() - $seed_start, 1))") s;" \
  "standby has $(sql "$standby_port" 'select count(*) from incident') incidents;" \
  "WAL $(sql "$primary_port" "select pg_size_pretty(pg_wal_lsn_diff('$target_lsn', '0/0'))") in all"
sql "$primary_port" "select 'replication lag now: write ' || coalesce(write_lag::text, '0') || ', replay '
  || coalesce(replay_lag::text, '0') from pg_stat_replication"

standby_counts() {
  sql "$standby_port" "select xact_commit + xact_rollback || ' ' || tup_returned + tup_fetched from pg_stat_database where datname = 'postgres'"
}
primary_counts() {
  sql "$primary_port" "select xact_commit + xact_rollback || ' ' || tup_returned + tup_fetched from pg_stat_database where datname = 'postgres'"
}
one() { curl -fsS -H "Authorization: Bearer $2" -o /dev/null -w '%{time_total}' "$1"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
compare() {
  local name=$1 path=$2
  local on_replica=() on_primary=()
  one "http://localhost:$replica_http$path" "$replica_token" >/dev/null; one "http://localhost:$primary_http$path" "$primary_token" >/dev/null
  for _ in $(seq 1 "$runs"); do
    on_replica+=("$(one "http://localhost:$replica_http$path" "$replica_token")")
    on_primary+=("$(one "http://localhost:$primary_http$path" "$primary_token")")
  done
  echo "$name: reads on the standby median $(median "${on_replica[@]}") s (${on_replica[*]});" \
    "on the primary median $(median "${on_primary[@]}") s (${on_primary[*]})"
}

# the same answer from both copies (asOf fixed: it is part of the report)
as_of=${end_month}T00:00:00Z
curl -fsS -H "Authorization: Bearer $replica_token" -o "$dir/report-replica.json" "http://localhost:$replica_http/api/reports/sla?month=$month&asOf=$as_of"
curl -fsS -H "Authorization: Bearer $primary_token" -o "$dir/report-primary.json" "http://localhost:$primary_http/api/reports/sla?month=$month&asOf=$as_of"
if cmp -s "$dir/report-replica.json" "$dir/report-primary.json"; then
  echo "all-clients report for $month: the same $(stat -c %s "$dir/report-replica.json") bytes from the standby and from the primary"
else
  echo "all-clients report for $month DIFFERS between the standby and the primary" >&2; exit 1
fi

read -r standby_xacts_before standby_rows_before <<< "$(standby_counts)"
read -r primary_xacts_before primary_rows_before <<< "$(primary_counts)"
compare "all clients, $month" "/api/reports/sla?month=$month"
compare "one client, $month" "/api/reports/clients/client-1/sla?month=$month"
read -r standby_xacts standby_rows <<< "$(standby_counts)"
read -r primary_xacts primary_rows <<< "$(primary_counts)"
echo "during the timed runs the standby committed $((standby_xacts - standby_xacts_before)) transactions and returned" \
  "$((standby_rows - standby_rows_before)) rows; the primary $((primary_xacts - primary_xacts_before)) and" \
  "$((primary_rows - primary_rows_before)) (both copies' sign-ins, clients, contracts, maintenance, and the other copy's incidents)"
# how stale a report can be here: a watcher on the standby waits for a client that the service then creates
# (through the primary) and notes when it sees it; same machine, same clock
stale_key=replica-$(date +%s)
psql -h 127.0.0.1 -p "$standby_port" -U postgres -d postgres -tAq -c "do \$\$ begin
  while not exists (select 1 from client where key = '$stale_key') loop perform pg_sleep(0.001); end loop;
  raise notice 'seen %', (extract(epoch from clock_timestamp()) * 1000)::bigint; end \$\$" > "$dir/seen.txt" 2>&1 &
watcher=$!
sleep 1
write_start=$(date +%s%3N)
curl -fsS -H "Authorization: Bearer $replica_token" -H 'Content-Type: application/json' -o /dev/null \
  -d "{\"key\":\"$stale_key\",\"name\":\"Visibility probe\",\"timeZone\":\"UTC\"}" "http://localhost:$replica_http/api/clients"
written=$(date +%s%3N)
wait $watcher
seen=$(grep -o 'seen [0-9]*' "$dir/seen.txt" | cut -d' ' -f2)
echo "a client created through the service (the request took $((written - write_start)) ms) was seen on the standby" \
  "$((seen - written)) ms after the API answered (negative: before the answer reached the caller)"
sql "$standby_port" "select 'standby connections of the service: ' || count(*) || ' (' || string_agg(distinct application_name, ', ')
  || ')' from pg_stat_activity where application_name = 'sla-ledger-reports'"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
