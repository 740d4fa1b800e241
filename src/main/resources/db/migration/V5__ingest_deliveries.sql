-- The ingest inbox: every webhook delivery as it was received, with what became of it.
-- A delivery is written in the transaction of its effect, or alone when it could not be mapped.
create sequence ingest_delivery_seq increment by 50;

create table ingest_delivery (
    id               bigint primary key,
    source           varchar(32)  not null,
    received_at      timestamptz  not null,
    -- the request headers that matter to a delivery (never Authorization), name -> value
    headers          jsonb        not null,
    -- the body byte for byte: a payload that is not valid UTF-8 or JSON is still kept as it came
    body             bytea        not null,
    outcome          varchar(16)  not null
        constraint ingest_delivery_outcome_known check (outcome in ('APPLIED', 'UNMAPPED', 'REJECTED', 'IGNORED')),
    reason           text,
    warnings         jsonb        not null default '[]',
    incident_ids     jsonb        not null default '[]',
    replay_count     integer      not null default 0,
    last_replayed_at timestamptz
);

create index ingest_delivery_source_idx on ingest_delivery (source, id);
create index ingest_delivery_outcome_idx on ingest_delivery (outcome, id);
create index ingest_delivery_received_at_idx on ingest_delivery (received_at);
