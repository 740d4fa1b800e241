#!/usr/bin/python3
"""The fleet benchmark: ingest, month reports and one client's month, side by side with their limits.

For each heap size (default -Xmx512m, then -Xmx256m) it starts the packaged service on a FRESH embedded
PostgreSQL data folder, loads a deterministic fleet (bench/peers/gen.py: clients, services, contracts
covering 5 services each, incidents over five years) through the REST API, and times, in one run:

- ingest: every POST /api/incidents/batch, interleaved with a psql COPY of the same rows into a scratch
  copy of the incident tables (schema bench_copy, `like ... including all`, same indexes and keys);
- the all-clients month report (JSON and CSV) for a month without a DST change and one with, interleaved
  round by round with the raw read of the same rows (psql \\copy to /dev/null) and with the pandas peer
  (bench/peers/peer_pandas_fast.py: end to end and its compute part);
- one client's month under 8 connections with wrk, interleaved with a bare endpoint (/q/health/live);
- the answers: every UTC client's downtime must equal the pandas peer's to the microsecond.

It prints medians with their spread (min-max), the ratios of the performance table and the total time,
and writes everything measured to target/bench-fleet/results-<time>.json. Standard library only (the peer
needs Debian's python3-pandas). Run it through bench/fleet.sh, which packages the service first.
"""
import argparse
import base64
import csv
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "bench" / "peers"
ADMIN = ("bench", "bench-password-1")
SOURCE = "fleet"
# every client zone of gen.py lies within UTC-14h..UTC+14h: the raw read takes the month widened by that
ZONE_MARGIN = timedelta(hours=14)


def log(message=""):
    print(message, flush=True)


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def median(values):
    return statistics.median(values) if values else float("nan")


def spread(values, unit="s", digits=3):
    """Median and range of a list of timings, e.g. '1.234 s (1.100-1.400, n=7)'."""
    if not values:
        return "n/a"
    return f"{median(values):.{digits}f} {unit} ({min(values):.{digits}f}-{max(values):.{digits}f}, n={len(values)})"


# ---------------------------------------------------------------------------------------------- the fleet

def generate_fleet(args):
    """Writes the fleet's CSV files (gen.py) and the API batches once; later runs reuse them."""
    data = ROOT / "target" / "bench-fleet" / f"fleet-{args.clients}-{args.services}-{args.incidents}-{args.years}-{args.seed}"
    done = data / f"batches-{args.batch}.done"
    if done.exists():
        log(f"fleet: reusing {data.relative_to(ROOT)}")
        return data
    started = time.monotonic()
    subprocess.run([sys.executable, str(PEERS / "gen.py"), str(data), str(args.clients), str(args.services),
                    str(args.incidents), str(args.years), str(args.seed)], check=True)
    batches = data / f"batches-{args.batch}"
    shutil.rmtree(batches, ignore_errors=True)
    batches.mkdir(parents=True)
    items, rows, links, number = [], [], [], 0

    def flush():
        nonlocal items, rows, links, number
        if not items:
            return
        name = f"{number:05d}"
        (batches / f"{name}.json").write_text(json.dumps({"incidents": items}, separators=(",", ":")))
        with open(batches / f"{name}-incident.csv", "w", newline="") as f:
            csv.writer(f).writerows(rows)
        with open(batches / f"{name}-links.csv", "w", newline="") as f:
            csv.writer(f).writerows(links)
        items, rows, links, number = [], [], [], number + 1

    with open(data / "incidents.csv") as f, open(data / "incident_services.csv") as g:
        incidents, services = csv.reader(f), csv.reader(g)
        next(incidents), next(services)
        pending = next(services, None)
        for ident, started_at, detected, acknowledged, mitigated, resolved, impact, severity in incidents:
            keys = []
            while pending is not None and pending[0] == ident:
                keys.append(pending[1])
                pending = next(services, None)
            items.append({"source": SOURCE, "externalId": ident, "title": f"Fleet incident {ident}",
                          "severity": severity, "affectedServices": keys, "impactPercent": int(impact),
                          "startedAt": started_at, "detectedAt": detected, "acknowledgedAt": acknowledged,
                          "mitigatedAt": mitigated, "resolvedAt": resolved})
            # the scratch copy's own ids: gen.py's id + 1 (ids are positive)
            rows.append([int(ident) + 1, SOURCE, ident, f"Fleet incident {ident}", severity, impact,
                         started_at, detected, acknowledged, mitigated, resolved])
            links.extend([int(ident) + 1, key] for key in keys)
            if len(items) == args.batch:
                flush()
        flush()
    done.write_text("ok\n")
    log(f"fleet: generated {data.relative_to(ROOT)} in {time.monotonic() - started:.0f} s")
    return data


def read_csv(path):
    with open(path) as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------------------------------------- service

class Service:
    """The packaged service on its own fresh embedded PostgreSQL, with an API token for the calls."""

    def __init__(self, args, heap, workdir):
        self.args, self.heap, self.workdir = args, heap, workdir
        self.base = f"http://localhost:{args.http_port}"
        self.gc_log = workdir / "gc.log"
        self.process = None
        self.token = None

    def start(self):
        if self.workdir.exists():
            shutil.rmtree(self.workdir)
        self.workdir.mkdir(parents=True)
        for port in (self.args.http_port, self.args.pg_port):
            if subprocess.run(["bash", "-c", f"exec 3<>/dev/tcp/127.0.0.1/{port}"], stderr=subprocess.DEVNULL).returncode == 0:
                raise SystemExit(f"port {port} is in use (a service or PostgreSQL left running?); choose --http-port/--pg-port")
        env = dict(os.environ, SLA_LEDGER_DATA_DIR=str(self.workdir / "pg"), SLA_LEDGER_EMBEDDED_PORT=str(self.args.pg_port),
                   SLA_LEDGER_DEMO_DATA_ENABLED="false", SLA_LEDGER_ADMIN_USERNAME=ADMIN[0],
                   SLA_LEDGER_ADMIN_PASSWORD=ADMIN[1])
        env.pop("QUARKUS_DATASOURCE_JDBC_URL", None)
        started = time.monotonic()
        with open(self.workdir / "service.log", "w") as out:
            self.process = subprocess.Popen(
                ["java", f"-Xmx{self.heap}", f"-Xlog:gc:file={self.gc_log}", f"-Dquarkus.http.port={self.args.http_port}",
                 "-jar", str(ROOT / "target" / "quarkus-app" / "quarkus-run.jar")],
                cwd=self.workdir, env=env, stdout=out, stderr=subprocess.STDOUT)
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"the service did not start; see {self.workdir / 'service.log'}")
            try:
                connection = http.client.HTTPConnection("localhost", self.args.http_port, timeout=5)
                connection.request("GET", "/q/health/ready")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() - started > 180:
                raise SystemExit("the service was not ready within 180 s")
            time.sleep(0.5)
        log(f"service -Xmx{self.heap}: ready in {time.monotonic() - started:.1f} s (pid {self.process.pid})")
        basic = base64.b64encode(f"{ADMIN[0]}:{ADMIN[1]}".encode()).decode()
        status, body = self.call("POST", "/api/tokens", {"name": "fleet-benchmark"}, {"Authorization": f"Basic {basic}"})
        if status != 201 and status != 200:
            raise SystemExit(f"could not make an API token: HTTP {status} {body[:300]}")
        self.token = json.loads(body)["token"]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                log(f"the service {self.process.pid} did not stop in 60 s; killed (its PostgreSQL may still run)")
                self.process.kill()
                self.process.wait()

    def cpu_seconds(self):
        """CPU time the service process has used so far (user + system, all its threads), in seconds."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError):
            return float("nan")

    def rss_mb(self):
        try:
            for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def call(self, method, path, body=None, headers=None, connection=None):
        own = connection is None
        connection = connection or http.client.HTTPConnection("localhost", self.args.http_port, timeout=600)
        all_headers = {"Content-Type": "application/json"}
        if self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        all_headers.update(headers or {})
        connection.request(method, path, None if body is None else json.dumps(body), all_headers)
        response = connection.getresponse()
        data = response.read().decode()
        if own:
            connection.close()
        return response.status, data

    def curl(self, path, out="/dev/null", extra=()):
        """One timed request with a new connection, as a script would make it: (seconds, HTTP status)."""
        result = subprocess.run(["curl", "-sS", "-o", out, "-w", "%{http_code} %{time_total}",
                                 "-H", f"Authorization: Bearer {self.token}", *extra, self.base + path],
                                check=True, capture_output=True, text=True)
        code, seconds = result.stdout.split()
        if code not in ("200", "201"):
            detail = Path(out).read_text()[:500] if out != "/dev/null" else ""
            raise SystemExit(f"{path}: HTTP {code} {detail}")
        return float(seconds)

    def psql(self, sql, *extra):
        return subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", str(self.args.pg_port),
                               "-U", "postgres", "-d", "postgres", "-tA", *extra, "-c", sql],
                              check=True, capture_output=True, text=True).stdout.strip()

    def psql_script(self, script):
        return subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", str(self.args.pg_port),
                               "-U", "postgres", "-d", "postgres", "-tA"],
                              input=script, check=True, capture_output=True, text=True).stdout

    def heap_high_water_mb(self):
        """The largest heap occupancy before a collection in the GC log (MB), the collections and full ones."""
        peak, collections, full = 0, 0, 0
        if self.gc_log.exists():
            for line in self.gc_log.read_text().splitlines():
                match = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
                if match:
                    peak = max(peak, int(match.group(1)))
                    collections += "Pause Young" in line or "Pause Full" in line
                    full += "Pause Full" in line
        return peak, collections, full


# ---------------------------------------------------------------------------------------------- phases

def load_catalog(service, data):
    """Services, then clients each with its contract, through their REST endpoints (4 kept-alive connections)."""
    started = time.monotonic()
    local = threading.local()
    coverage = {}
    for row in read_csv(data / "coverage.csv"):
        coverage.setdefault(row["client"], []).append(row["service"])
    keys = [f"svc-{s:03d}" for s in range(service.args.services)]

    def post(path, body):
        if not hasattr(local, "connection"):
            local.connection = http.client.HTTPConnection("localhost", service.args.http_port, timeout=60)
        status, text = service.call("POST", path, body, connection=local.connection)
        if status not in (200, 201):
            raise SystemExit(f"POST {path}: HTTP {status} {text[:500]}")

    zones = {row["key"]: row["time_zone"] for row in read_csv(data / "clients.csv")}
    contracts = read_csv(data / "contracts.csv")

    def client_with_contract(row):
        post("/api/clients", {"key": row["client"], "name": f"Client {row['client'][7:]}", "timeZone": zones[row["client"]]})
        # in force from before the first incident, open-ended: every month measured is covered whole
        post(f"/api/clients/{row['client']}/contracts", {
            "effectiveFrom": "2020-01-01", "coveredServices": coverage[row["client"]],
            "targetPercent": float(row["target_percent"]),
            "monthlyFee": {"amount": row["fee"], "currency": row["currency"]}, "impactModel": row["impact_model"]})

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda key: post("/api/services", {"key": key, "name": f"Service {key[4:]}"}), keys))
        list(pool.map(client_with_contract, contracts))
    log(f"catalog: {len(keys)} services, {len(zones)} clients and their contracts in {time.monotonic() - started:.1f} s")
    return zones


def ingest(service, data, args, result):
    """Every batch through the API, each followed by a COPY of the same rows into the scratch copy."""
    ids = dict(line.split("|") for line in service.psql("select key, id from service").splitlines())
    service.psql_script("""
        create schema bench_copy;
        create table bench_copy.incident (like public.incident including all);
        create table bench_copy.incident_service (like public.incident_service including all);
        alter table bench_copy.incident_service
            add foreign key (incident_id) references bench_copy.incident (id) on delete cascade,
            add foreign key (service_id) references public.service (id);
        -- like ... including all copies the link table's columns and indexes but not its trigger: the same
        -- trigger gives each copied link its incident's impact period, as V10 does for the real table
        create function bench_copy.take_impact_period() returns trigger language plpgsql as $$
        begin
            select tstzrange(i.started_at, i.impact_ended_at, '[]') into new.impact_period
              from bench_copy.incident i where i.id = new.incident_id;
            return new;
        end;
        $$;
        create trigger take_impact_period before insert on bench_copy.incident_service
            for each row execute function bench_copy.take_impact_period();
    """)
    batches = sorted((data / f"batches-{args.batch}").glob("*.json"))
    api_seconds, copy_seconds, counts, api_cpu = [], [], [], 0.0
    scratch = service.workdir / "copy-links.csv"
    log(f"ingest: {len(batches)} batches of up to {args.batch:,} (API, then COPY of the same rows); load {load_average()}")
    started = time.monotonic()
    for number, batch in enumerate(batches):
        reply = service.workdir / "batch-reply.json"
        cpu_before = service.cpu_seconds()
        api_seconds.append(service.curl("/api/incidents/batch", str(reply),
                                        ("-X", "POST", "-H", "Content-Type: application/json", "--data-binary", f"@{batch}")))
        api_cpu += service.cpu_seconds() - cpu_before
        answer = json.loads(reply.read_text())
        counts.append(answer["created"])
        if answer["created"] + answer["updated"] + answer["unchanged"] != len(answer["items"]) or answer["updated"]:
            raise SystemExit(f"batch {number}: unexpected answer {answer['created']} created, {answer['updated']} updated")
        with open(str(batch).replace(".json", "-links.csv")) as f, open(scratch, "w", newline="") as g:
            csv.writer(g).writerows([incident, ids[key]] for incident, key in csv.reader(f))
        incident_csv = str(batch).replace(".json", "-incident.csv")
        timing = service.psql_script(
            "\\timing on\n"
            "begin;\n"
            f"\\copy bench_copy.incident (id, source, external_id, title, severity, impact_percent, started_at, detected_at, acknowledged_at, mitigated_at, resolved_at) from '{incident_csv}' csv\n"
            f"\\copy bench_copy.incident_service (incident_id, service_id) from '{scratch}' csv\n"
            "commit;\n")
        copy_seconds.append(sum(float(ms) for ms in re.findall(r"Time: ([\d.]+) ms", timing)) / 1000)
        if number < 3 or number % 10 == 9 or number == len(batches) - 1:
            log(f"  batch {number + 1:4d}/{len(batches)}: API {api_seconds[-1]:6.2f} s, COPY {copy_seconds[-1]:5.2f} s; load {load_average()}")
    wall = time.monotonic() - started
    incidents = sum(counts)
    stored = int(service.psql(f"select count(*) from incident where source = '{SOURCE}'"))
    copied = int(service.psql("select count(*) from bench_copy.incident"))
    if stored != incidents or copied != incidents:
        raise SystemExit(f"ingest: {incidents} created, but {stored} stored and {copied} copied")
    sizes = service.psql("select pg_total_relation_size('audit_log'), pg_total_relation_size('incident'), "
                         "pg_total_relation_size('incident_service'), pg_total_relation_size('bench_copy.incident'), "
                         "(select count(*) from audit_log), pg_total_relation_size('incident_timeline_entry')").split("|")
    audit, incident_bytes, links_bytes, copy_bytes, audit_rows, timeline_bytes = (int(x) for x in sizes)
    analyzed = service.psql("select coalesce(max(greatest(last_analyze, last_autoanalyze))::text, 'never') "
                            "from pg_stat_user_tables where relname = 'incident' and schemaname = 'public'")
    service.psql_script("drop schema bench_copy cascade;")
    api_rate = incidents / sum(api_seconds)
    copy_rate = incidents / sum(copy_seconds)
    result["ingest"] = {
        "incidents": incidents, "batches": len(batches), "wall_seconds": wall, "api_batch_seconds": api_seconds,
        "copy_batch_seconds": copy_seconds, "api_rows_per_second": api_rate, "api_service_cpu_seconds": api_cpu, "copy_rows_per_second": copy_rate,
        "audit_bytes": audit, "audit_rows": audit_rows, "incident_bytes": incident_bytes,
        "incident_service_bytes": links_bytes, "copy_incident_bytes": copy_bytes, "timeline_bytes": timeline_bytes,
        "incident_last_analyzed": analyzed}
    tenth = max(1, len(api_seconds) // 10)
    log(f"ingest: {incidents:,} incidents in {wall:.0f} s wall")
    log(f"  API batch:  {spread(api_seconds, digits=2)}; max/median {max(api_seconds) / median(api_seconds):.2f}; "
        f"first tenth {median(api_seconds[:tenth]):.2f} s, last tenth {median(api_seconds[-tenth:]):.2f} s")
    deciles = [median(api_seconds[i * len(api_seconds) // 10:(i + 1) * len(api_seconds) // 10] or api_seconds[-1:])
               for i in range(10)]
    log("  API batch median by tenth of the load: " + " ".join(f"{d:.2f}" for d in deciles) + " s")
    log(f"  COPY batch: {spread(copy_seconds, digits=2)}; max/median {max(copy_seconds) / median(copy_seconds):.2f}")
    log(f"  the service's CPU over the API batches: {api_cpu:.0f} s, {1000 * api_cpu / incidents:.2f} ms per incident")
    log(f"  API {api_rate:,.0f} incidents/s vs COPY {copy_rate:,.0f} rows/s: {100 * api_rate / copy_rate:.0f} % of COPY")
    log(f"  audit_log {audit / 1e6:,.1f} MB ({audit_rows:,} rows) vs incident {incident_bytes / 1e6:,.1f} MB "
        f"(+ incident_service {links_bytes / 1e6:,.1f} MB); the COPY's incident table {copy_bytes / 1e6:,.1f} MB; "
        f"incident table last analysed: {analyzed}")


def raw_read_sql(month):
    lo = datetime.strptime(month + "-01", "%Y-%m-%d").replace(tzinfo=timezone.utc)
    hi = (lo + timedelta(days=32)).replace(day=1)
    lo, hi = lo - ZONE_MARGIN, hi + ZONE_MARGIN
    # the rows the report needs: every incident whose impact overlaps the month in any client's zone,
    # with its service ids; jit off as for a report statement
    return ("set jit = off;\n"
            "\\timing on\n"
            "\\copy (select i.id, i.started_at, i.impact_ended_at, i.impact_percent, i.excluded, "
            "array(select s.service_id from incident_service s where s.incident_id = i.id) from incident i "
            f"where tstzrange(i.started_at, i.impact_ended_at, '[)') && tstzrange('{lo.isoformat()}', '{hi.isoformat()}', '[)')) "
            "to '/dev/null'\n")


def timed(command, **kwargs):
    started = time.monotonic()
    completed = subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)
    return time.monotonic() - started, completed.stdout


def reports(service, data, args, result):
    """All-clients month reports vs raw read vs the pandas peer, interleaved round by round."""
    months = args.months
    psql = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p", str(args.pg_port), "-U", "postgres", "-d", "postgres"]
    peer = ["/usr/bin/python3", str(PEERS / "peer_pandas_fast.py"), str(data)]
    answers = {}
    for month in months:   # warm-up (JIT, caches), keeping the JSON answer for the comparison
        out = service.workdir / f"report-{month}.json"
        service.curl(f"/api/reports/sla?month={month}", str(out))
        answers[month] = out
        service.curl(f"/api/reports/sla?month={month}&format=csv")
    rows = sum(len(json.loads(answers[m].read_text())["clients"]) for m in months)
    log(f"reports: warm; {rows} client rows over {len(months)} months; {args.rounds} rounds; load {load_average()}")
    times = {m: {"json": [], "csv": [], "json_cpu": [], "csv_cpu": [], "raw": [], "raw_statement": [], "pandas": [],
                 "pandas_compute": []} for m in months}
    for round_number in range(args.rounds):
        for month in months:
            t = times[month]
            for form, query in (("json", ""), ("csv", "&format=csv")):
                cpu_before = service.cpu_seconds()
                t[form].append(service.curl(f"/api/reports/sla?month={month}{query}"))
                t[f"{form}_cpu"].append(service.cpu_seconds() - cpu_before)
            seconds, out = timed(psql, input=raw_read_sql(month))
            t["raw"].append(seconds)
            t["raw_statement"].append(sum(float(ms) for ms in re.findall(r"Time: ([\d.]+) ms", out)) / 1000)
            if not args.no_pandas:
                seconds, out = timed(peer + [month])
                match = re.search(r"load ([\d.]+) s, total ([\d.]+) s", out)
                t["pandas"].append(seconds)
                t["pandas_compute"].append(float(match.group(2)) - float(match.group(1)))
        log(f"  round {round_number + 1}: " + "; ".join(
            f"{m} JSON {times[m]['json'][-1]:.2f} CSV {times[m]['csv'][-1]:.2f} raw {times[m]['raw_statement'][-1]:.2f}"
            + ("" if args.no_pandas else f" pandas {times[m]['pandas'][-1]:.2f}") + " s" for m in months)
            + f"; load {load_average()}")
    result["reports"] = times
    for month in months:
        t = times[month]
        log(f"  {month}: JSON {spread(t['json'])}; CSV {spread(t['csv'])}; the service's CPU per report: "
            f"JSON {median(t['json_cpu']):.2f} s, CSV {median(t['csv_cpu']):.2f} s")
        log(f"  {month}: raw read (psql \\copy to /dev/null, \\timing) {spread(t['raw_statement'])}; "
            f"the psql process end to end {spread(t['raw'])}")
        if t["pandas"]:
            log(f"  {month}: pandas end to end {spread(t['pandas'])}; compute {spread(t['pandas_compute'])}")
    return answers


def compare_answers(data, zones, answers, args, result):
    """Every UTC client's downtime from the service against the pandas peer's, to the microsecond."""
    if args.no_pandas:
        return
    checked, mismatches, examples = 0, 0, []
    for month, answer in answers.items():
        ours = {row["clientKey"]: Decimal(str(row["downtimeSeconds"]))
                for row in json.loads(answer.read_text(), parse_float=Decimal)["clients"]}
        peer = {row["client"]: Decimal(row["downtime_s"] or "0") for row in read_csv(data / f"report-fast-{month}.csv")}
        for client, zone in zones.items():
            if zone != "UTC":
                continue
            checked += 1
            if client not in ours or abs(ours[client] - peer.get(client, Decimal(0))) >= Decimal("0.000001"):
                mismatches += 1
                if len(examples) < 5:
                    examples.append(f"{month} {client}: service {ours.get(client)} s, pandas {peer.get(client)} s")
    result["answers"] = {"utc_clients_checked": checked, "mismatches": mismatches, "examples": examples}
    log(f"answers: {checked} UTC client-months compared with the pandas peer, {mismatches} mismatches")
    for example in examples:
        log(f"  MISMATCH {example}")


WRK_LATENCY = re.compile(r"^\s*(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)


def wrk(url, seconds, token=None):
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency"]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    out = subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"wrk {url}: errors\n{out}")
    scale = {"us": 1e-3, "ms": 1.0, "s": 1e3}
    latency = {p: float(v) * scale[u] for p, v, u in WRK_LATENCY.findall(out)}
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return latency["50"], latency["99"], rate


def one_client(service, zones, args, result):
    """One UTC client's month at 8 connections against a bare endpoint, rounds interleaved."""
    client = next(key for key, zone in zones.items() if zone == "UTC")
    month = args.months[0]
    report = f"{service.base}/api/reports/clients/{client}/sla?month={month}"
    bare = f"{service.base}/q/health/live"
    wrk(report, 2, service.token)   # warm-up
    wrk(bare, 2)
    runs = {"client": [], "bare": []}
    for _ in range(args.wrk_rounds):
        runs["client"].append(wrk(report, args.wrk_seconds, service.token))
        runs["bare"].append(wrk(bare, args.wrk_seconds))
    result["one_client"] = {"client": client, "month": month, **runs}
    for name, label in (("client", f"one client ({client}, {month})"), ("bare", "bare /q/health/live")):
        r = runs[name]
        log(f"  {label}: p50 {spread([x[0] for x in r], 'ms', 2)}; p99 {spread([x[1] for x in r], 'ms', 2)}; "
            f"{median([x[2] for x in r]):,.0f} requests/s")


# ---------------------------------------------------------------------------------------------- summary

def ratios(result):
    """The figures of the performance table for one pass: name -> (value, goal); a part that failed is left out."""
    out = {}
    ingest = result.get("ingest")
    if ingest:
        api = ingest["api_batch_seconds"]
        out["ingest / COPY (rows/s)"] = (ingest["api_rows_per_second"] / ingest["copy_rows_per_second"], ">= 0.5")
        out["max batch / median batch"] = (max(api) / median(api), "<= 2")
        out["audit bytes / incident table bytes"] = (ingest["audit_bytes"] / ingest["incident_bytes"], "<= 0.1")
    for month, t in result.get("reports", {}).items():
        raw = median(t["raw_statement"])
        out[f"report JSON / raw read, {month}"] = (median(t["json"]) / raw, "<= 2")
        out[f"report CSV / raw read, {month}"] = (median(t["csv"]) / raw, "<= 2")
        out[f"report JSON / psql process end to end, {month}"] = (median(t["json"]) / median(t["raw"]), "")
        if t["pandas"]:
            out[f"pandas end to end / report JSON, {month}"] = (median(t["pandas"]) / median(t["json"]), ">= 10")
            out[f"pandas compute / report JSON, {month}"] = (median(t["pandas_compute"]) / median(t["json"]), "")
    client = result.get("one_client")
    if client:
        p50 = median([x[0] for x in client["client"]])
        out["one client p99 / bare p99"] = (median([x[1] for x in client["client"]]) / median([x[1] for x in client["bare"]]), "<= 3")
        out["one client p50 / bare p50"] = (p50 / median([x[0] for x in client["bare"]]), "")
        out["one client p50 (ms)"] = (p50, "<= 20")
    if "heap_high_water_mb" in result:
        # at the heap's ceiling it is no verdict by itself: the run must pass, as fast as with the larger heap
        out["heap high-water (MB)"] = (result["heap_high_water_mb"], "")
        out["collections"] = (result["collections"], "")
    return out


def meets(value, goal):
    if not goal:
        return ""
    op, bound = goal.split()
    bound = float(bound.rstrip("mgMG")) * (1024 if bound[-1] in "gG" else 1)
    return "yes" if {">=": value >= bound, "<=": value <= bound, "<": value < bound}[op] else "NO"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--services", type=int, default=100)
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch", type=int, default=10_000, help="incidents per POST /api/incidents/batch (at most 10,000)")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds of the month reports")
    parser.add_argument("--months", default="2024-06,2024-03", help="a month without a DST change, then one with")
    parser.add_argument("--heaps", default="512m,256m", help="one pass on a fresh database per heap size")
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--wrk-rounds", type=int, default=3)
    parser.add_argument("--no-pandas", action="store_true", help="skip the pandas peer (and the answer check)")
    parser.add_argument("--http-port", type=int, default=8112)
    parser.add_argument("--pg-port", type=int, default=55512)
    args = parser.parse_args()
    args.months = args.months.split(",")
    if not args.no_pandas and subprocess.run(["/usr/bin/python3", "-c", "import pandas"], capture_output=True).returncode:
        raise SystemExit("the pandas peer needs Debian's python3-pandas: apt-get install -y python3-pandas (or --no-pandas)")
    for tool in ("psql", "wrk", "curl", "java"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing (wrk: apt-get install -y wrk)")

    begun = time.monotonic()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    log(f"fleet benchmark {stamp}: {args.clients:,} clients, {args.services} services, {args.incidents:,} incidents over "
        f"{args.years} years; heaps {', '.join(args.heaps.split(','))}; load {load_average()}; {os.cpu_count()} cores")
    data = generate_fleet(args)
    passes = []
    for heap in args.heaps.split(","):
        log(f"\n=== pass at -Xmx{heap} (fresh database) ===")
        result = {"heap": heap, "load_before": load_average()}
        service = Service(args, heap, ROOT / "target" / "bench-fleet" / f"pass-{heap}")
        try:
            service.start()
            zones = load_catalog(service, data)
            ingest(service, data, args, result)
            answers = reports(service, data, args, result)
            compare_answers(data, zones, answers, args, result)
            log("one client at 8 connections (wrk):")
            one_client(service, zones, args, result)
        except (Exception, SystemExit) as failure:   # keep what was measured; the summary says what failed
            alive = service.process is not None and service.process.poll() is None
            said = getattr(failure, "stderr", None)   # psql's own message, when psql failed
            result["failed"] = f"{failure}" + (f": {said.strip()[-500:]}" if said else "") + ("" if alive else f" (the service had exited; see {service.workdir / 'service.log'})")
            log(f"PASS FAILED: {result['failed']}")
        finally:
            result["heap_high_water_mb"], result["collections"], result["full_collections"] = service.heap_high_water_mb()
            result["rss_high_water_mb"] = service.rss_mb()
            result["load_after"] = load_average()
            log(f"memory: heap high-water {result['heap_high_water_mb']} MB at -Xmx{heap} "
                f"({result['collections']} collections, {result['full_collections']} full); "
                f"RSS high-water {result['rss_high_water_mb']:.0f} MB; load {result['load_after']}")
            service.stop()
        passes.append(result)
        (ROOT / "target" / "bench-fleet" / f"results-{stamp}.json").write_text(json.dumps({"args": vars(args), "passes": passes}, indent=1))

    log("\n=== ratios (median of interleaved runs; goal from the performance table) ===")
    table = [ratios(p) for p in passes]
    heaps = [p["heap"] for p in passes]
    log(f"{'figure':48s} " + " ".join(f"{'-Xmx' + h:>14s}" for h in heaps) + "  goal")
    names = list(dict.fromkeys(name for t in table for name in t))
    for name in names:
        goal = next(t[name][1] for t in table if name in t)
        cells = " ".join(f"{t[name][0]:>10.2f} {meets(*t[name]):>3s}" if name in t else f"{'-':>14s}" for t in table)
        log(f"{name:48s} {cells}  {goal}")
    complete = [p for p in passes if "failed" not in p]
    if len(complete) > 1:
        first, last = complete[0], complete[-1]
        json_first = median([median(t["json"]) for t in first["reports"].values()])
        json_last = median([median(t["json"]) for t in last["reports"].values()])
        log(f"speed at -Xmx{last['heap']} vs -Xmx{first['heap']}: ingest {last['ingest']['api_rows_per_second'] / first['ingest']['api_rows_per_second']:.2f}x "
            f"the rows/s, report JSON {json_last / json_first:.2f}x the time")
    for p in passes:
        if "failed" in p:
            log(f"pass at -Xmx{p['heap']} FAILED: {p['failed']}")
    total = time.monotonic() - begun
    mismatches = sum(p.get("answers", {}).get("mismatches", 0) for p in passes)
    log(f"total run time {total / 60:.1f} min; load {load_average()}")
    results = ROOT / "target" / "bench-fleet" / f"results-{stamp}.json"
    results.write_text(json.dumps({"args": vars(args), "passes": passes, "total_seconds": total,
                                   "ratios": [{k: v[0] for k, v in t.items()} for t in table]}, indent=1))
    log(f"results: {results.relative_to(ROOT)}")
    if any("failed" in p for p in passes):
        raise SystemExit("FAILED: a pass did not complete (above)")
    if mismatches:
        raise SystemExit(f"FAILED: {mismatches} client-months where the service's downtime differs from the pandas peer's")


if __name__ == "__main__":
    main()
