#!/usr/bin/env bash
# Times one CSV import of N new incidents (default 100,000) against a running service, then the same file
# again (a retry: every row unchanged), and prints rows per second for both.
# Usage: bench/csv-import.sh [N] [base-url]   (CSV_BENCH_PG_PORT=<port> adds the PostgreSQL-alone limit)
# Signs in as SLA_LEDGER_USER / SLA_LEDGER_PASSWORD (default: the demo admin). Rerunnable: every run
# imports new keys (the source carries the run's timestamp); the service bench-api is created once.
set -euo pipefail
count=${1:-100000}
base=${2:-http://localhost:8080}
auth=(-u "${SLA_LEDGER_USER:-admin}:${SLA_LEDGER_PASSWORD:-admin-demo-password}")
run=$(date +%s)
csv=$(mktemp --suffix=.csv)
trap 'rm -f "$csv"' EXIT

curl -fsS "${auth[@]}" -o /dev/null "$base/api/services/bench-api" 2>/dev/null \
  || curl -fsS "${auth[@]}" -o /dev/null -X POST "$base/api/services" -H 'Content-Type: application/json' \
       -d '{"key":"bench-api","name":"Benchmark API"}'

python3 - "$count" "$run" > "$csv" <<'PY'
import csv, sys
from datetime import datetime, timedelta, timezone
count, run = int(sys.argv[1]), sys.argv[2]
start = datetime(2020, 1, 1, tzinfo=timezone.utc)
iso = lambda d: d.strftime('%Y-%m-%dT%H:%M:%SZ')
out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['source', 'externalId', 'title', 'severity', 'affectedServices', 'impactPercent', 'startedAt',
              'detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt', 'timeline'])
for i in range(count):
    t = start + timedelta(minutes=17 * i)
    out.writerow([f'bench-csv-{run}', f'row-{i}', f'Benchmark incident {i}', 'SEV%d' % (1 + i % 4), 'bench-api',
                  1 + i % 100, iso(t), iso(t + timedelta(minutes=1)), iso(t + timedelta(minutes=3)),
                  iso(t + timedelta(minutes=12)), iso(t + timedelta(minutes=15)),
                  f'{iso(t + timedelta(minutes=1))} Alert fired'])
PY
echo "file: $count rows, $(stat -c %s "$csv") bytes"

for attempt in first retry; do
  seconds=$(curl -fsS "${auth[@]}" -o /dev/null -w '%{time_total}' -X POST "$base/api/incidents/import" \
    -H 'Content-Type: text/csv' --data-binary @"$csv")
  python3 -c "import sys; n, s = int(sys.argv[2]), float(sys.argv[3]); print(f'{sys.argv[1]} import of {n} rows: {s:.2f} s, {n / s:,.0f} rows/s')" \
    "$attempt" "$count" "$seconds"
done

# The limit: the same rows (an incident, its service link and a timeline entry) written by PostgreSQL alone,
# set-based in one transaction (then rolled back), into the same tables with the same indexes and constraints;
# the links carry their period, as the import's do (migration V14), so the trigger does no look-up.
# Needs psql and the service's database port: CSV_BENCH_PG_PORT=55503 bench/csv-import.sh ...
if [ -n "${CSV_BENCH_PG_PORT:-}" ] && command -v psql > /dev/null; then
  psql -h localhost -p "$CSV_BENCH_PG_PORT" -U "${CSV_BENCH_PG_USER:-postgres}" -X -q -v count="$count" <<'SQL' \
    | python3 -c "import sys; ms = [float(l.split()[1]) for l in sys.stdin if l.startswith('Time:')]; n = int(sys.argv[1]); print(f'limit, PostgreSQL alone (set-based insert of the same rows): {sum(ms[2:5]) / 1000:.2f} s, {n / (sum(ms[2:5]) / 1000):,.0f} rows/s')" "$count"
\timing on
begin;
create temp table bench_rows on commit drop as select 2000000000000 + g as id, 'bench-limit' as source, 'row-' || g as external_id,
  timestamptz '2020-01-01' + g * interval '17 min' as t, g from generate_series(1, :count) g;
insert into incident (id, source, external_id, title, severity, impact_percent, excluded, started_at, detected_at,
  acknowledged_at, mitigated_at, resolved_at, created_at, updated_at, version)
  select id, source, external_id, 'Benchmark incident ' || g, 'SEV' || (1 + g % 4), 1 + g % 100, false, t, t + interval '1 min',
    t + interval '3 min', t + interval '12 min', t + interval '15 min', now(), now(), 0 from bench_rows;
insert into incident_service (incident_id, service_id, impact_period)
  select id, (select id from service where key = 'bench-api'), tstzrange(t, t + interval '12 min', '[]') from bench_rows;
insert into incident_timeline_entry (id, incident_id, position, occurred_at, text) select id, id, 0, t + interval '1 min', 'Alert fired' from bench_rows;
rollback;
SQL
fi
