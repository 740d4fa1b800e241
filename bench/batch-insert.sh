#!/usr/bin/env bash
# Times one POST /api/incidents/batch of N new incidents (default 10,000) against a running service,
# then the same batch again (a retry: nothing changes). Usage: bench/batch-insert.sh [N] [base-url]
# Signs in as SLA_LEDGER_USER / SLA_LEDGER_PASSWORD (default: the demo admin).
set -euo pipefail
count=${1:-10000}
base=${2:-http://localhost:8080}
auth=(-u "${SLA_LEDGER_USER:-admin}:${SLA_LEDGER_PASSWORD:-admin-demo-password}")
run=$(date +%s%N)
body=$(mktemp)
trap 'rm -f "$body"' EXIT

curl -fsS "${auth[@]}" -o /dev/null -X PUT "$base/api/services/bench-api" -H 'Content-Type: application/json' \
  -d '{"key":"bench-api","name":"Benchmark API"}' 2>/dev/null \
  || curl -fsS "${auth[@]}" -o /dev/null -X POST "$base/api/services" -H 'Content-Type: application/json' \
       -d '{"key":"bench-api","name":"Benchmark API"}'

python3 - "$count" "$run" > "$body" <<'PY'
import json, sys
from datetime import datetime, timedelta, timezone
count, run = int(sys.argv[1]), sys.argv[2]
start = datetime(2023, 1, 1, tzinfo=timezone.utc)
items = []
for i in range(count):
    t = start + timedelta(minutes=17 * i)
    iso = lambda d: d.strftime('%Y-%m-%dT%H:%M:%SZ')
    items.append({
        "source": "bench", "externalId": f"{run}-{i}", "title": f"Benchmark incident {i}",
        "severity": "SEV%d" % (1 + i % 4), "affectedServices": ["bench-api"], "impactPercent": 1 + i % 100,
        "startedAt": iso(t), "detectedAt": iso(t + timedelta(minutes=1)),
        "acknowledgedAt": iso(t + timedelta(minutes=3)), "mitigatedAt": iso(t + timedelta(minutes=12)),
        "resolvedAt": iso(t + timedelta(minutes=15)),
        "timeline": [{"at": iso(t + timedelta(minutes=1)), "text": "Alert fired"}],
    })
print(json.dumps({"incidents": items}))
PY

for attempt in first retry; do
  curl -fsS "${auth[@]}" -o /dev/null -w "$attempt batch of $count: HTTP %{http_code} in %{time_total} s\n" \
    -X POST "$base/api/incidents/batch" -H 'Content-Type: application/json' --data-binary @"$body"
done
