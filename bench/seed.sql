-- Benchmark data: 1,000 clients, 100 services and 1,000,000 incidents over the 5 years up to
-- :'end_month' (about 17,000 a month), straight into PostgreSQL. Run against an empty, migrated
-- database: psql -v end_month=2026-11-01 -f bench/seed.sql
\set ON_ERROR_STOP on
begin;

insert into service (id, key, name)
select n, 'svc-' || n, 'Service ' || n from generate_series(1, 100) n;

insert into client (id, key, name, account_manager, time_zone)
select n, 'client-' || n, 'Client ' || n, 'Manager ' || (n % 20),
       (array['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland',
              'Asia/Kolkata', 'America/Los_Angeles', 'Europe/London'])[1 + n % 8]
from generate_series(1, 1000) n;

-- one open-ended contract per client from five years back, covering five services
insert into contract (id, client_id, effective_from, target_percent, monthly_fee, currency,
                      credit_cap_percent, impact_model, impact_threshold_percent, minimum_outage_seconds)
select n, n, (date :'end_month' - interval '5 years')::date,
       (array[99.0, 99.5, 99.9, 99.95, 99.99])[1 + n % 5],
       1000 + n * 10, (array['EUR', 'USD', 'JPY', 'GBP', 'BHD'])[1 + n % 5], 100,
       (array['PROPORTIONAL', 'FULL', 'THRESHOLD'])[1 + n % 3],
       case when n % 3 = 2 then 50 end, case when n % 4 = 0 then 60 else 0 end
from generate_series(1, 1000) n;

insert into contract_service (contract_id, service_id)
select n, 1 + ((n * 7 + k * 13) % 100) from generate_series(1, 1000) n, generate_series(0, 4) k;

insert into credit_tier (contract_id, below_percent, credit_percent)
select c.id, t.below, t.credit
from contract c
cross join lateral (values (c.target_percent, 10), (least(c.target_percent, 99.0), 25), (95.0, 50)) t(below, credit)
on conflict do nothing;

-- incidents spread evenly over the five years, 5 to 125 minutes long, one service each
insert into incident (id, source, external_id, title, severity, impact_percent, started_at, detected_at,
                      acknowledged_at, mitigated_at, resolved_at)
select n, 'bench', 'b-' || n, 'Benchmark incident ' || n,
       'SEV' || (1 + n % 4), 1 + (n * 37) % 100, s,
       s + interval '1 minute', s + interval '4 minutes',
       s + make_interval(mins => 5 + (n * 53) % 120), s + make_interval(mins => 10 + (n * 53) % 120)
from (
    select n, (date :'end_month' - interval '5 years') + (n - 1) * ((date :'end_month' - (date :'end_month' - interval '5 years')) / 1000000) as s
    from generate_series(1, 1000000) n
) spread;

insert into incident_service (incident_id, service_id)
select n, 1 + (n * 31) % 100 from generate_series(1, 1000000) n;

-- one incident in twenty names a client explicitly
insert into incident_client (incident_id, client_id)
select n, 1 + (n * 17) % 1000 from generate_series(20, 1000000, 20) n;

insert into maintenance_window (id, title, starts_at, ends_at, scope, announced)
select n, 'Patching ' || n, (date :'end_month' - interval '5 years') + n * interval '7 days',
       (date :'end_month' - interval '5 years') + n * interval '7 days' + interval '1 hour', 'SERVICES', true
from generate_series(1, 260) n;
insert into maintenance_window_service (maintenance_window_id, service_id)
select n, 1 + n % 100 from generate_series(1, 260) n;

select setval('client_seq', 1100), setval('service_seq', 200), setval('contract_seq', 1100),
       setval('incident_seq', 1000100), setval('maintenance_window_seq', 400);
commit;
analyze;
