#!/usr/bin/env bash
# The fleet benchmark (see bench/README.md): packages the service, then runs bench/fleet.py, which loads
# a deterministic fleet through the API on a fresh database per heap size and times ingest, month reports
# and one client's month against their limits (COPY, raw read, pandas peer, bare endpoint).
#   bench/fleet.sh                                   # 1,000 clients, 1,000,000 incidents, -Xmx512m then 256m
#   bench/fleet.sh --clients 50 --incidents 50000 --rounds 3 --batch 5000   # a quick check
# Needs psql, curl, wrk and Debian's python3-pandas (apt-get install -y wrk python3-pandas).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o -q package -DskipTests
exec /usr/bin/python3 bench/fleet.py "$@"
