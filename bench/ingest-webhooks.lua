-- wrk script: Alertmanager deliveries of one alert each, every one a new incident (half firing, half resolved),
-- the same payload as bench/IngestWebhooksBench.java. wrk's client costs a tenth of the JDK's per request, so
-- more of the machine is left to the service. Usage (see bench/ingest-webhooks.sh):
--   RUN=<unique> SECRET=<secret> SERVICE=<service key> wrk -t2 -c8 -d10s -s bench/ingest-webhooks.lua http://host:port
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
  run = os.getenv("RUN") or tostring(os.time())
  secret = os.getenv("SECRET") or "bench-alertmanager-secret"
  service = os.getenv("SERVICE") or "bench-alerts"
  statuses = {}
end

local function iso(seconds)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", seconds)
end

request = function()
  counter = counter + 1
  local i = thread_id * 100000000 + counter
  local resolved = counter % 2 == 1
  local status = resolved and "resolved" or "firing"
  local starts = 1672531200 + 600 * (counter % 500000)
  local body = '{"version":"4","status":"' .. status .. '","receiver":"sla-ledger",'
    .. '"groupKey":"{}:{alertname=\\"HighErrorRate\\"}","commonLabels":{"alertname":"HighErrorRate"},'
    .. '"alerts":[{"status":"' .. status .. '","labels":{"alertname":"HighErrorRate","service":"' .. service
    .. '","severity":"' .. (counter % 3 == 0 and "critical" or "warning") .. '","instance":"host-' .. i .. '"},'
    .. '"annotations":{"summary":"Error rate above 5% on host-' .. i .. '"},"startsAt":"' .. iso(starts)
    .. '","endsAt":"' .. (resolved and iso(starts + 420) or "0001-01-01T00:00:00Z")
    .. '","fingerprint":"' .. run .. '-' .. i .. '"}]}'
  return wrk.format("POST", "/api/ingest/alertmanager",
    {["Authorization"] = "Bearer " .. secret, ["Content-Type"] = "application/json"}, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local ok = summary.requests - summary.errors.status - summary.errors.connect - summary.errors.read
    - summary.errors.write - summary.errors.timeout
  io.write(string.format("deliveries: %d in %.1f s, %.0f/s answered 2xx; non-2xx %d, socket errors %d\n",
    ok, summary.duration / 1e6, ok / (summary.duration / 1e6), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("latency median / p95 / p99: %.0f / %.0f / %.0f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
