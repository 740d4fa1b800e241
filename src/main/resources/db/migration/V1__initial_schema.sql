-- SLA Ledger schema. Changed only by new migrations, never by Hibernate.
-- Rules that protect the figures live here too, so no path around the service can break them.

create sequence client_seq start with 1 increment by 50;
create sequence service_seq start with 1 increment by 50;
create sequence contract_seq start with 1 increment by 50;
create sequence incident_seq start with 1 increment by 50;
create sequence timeline_entry_seq start with 1 increment by 50;
create sequence maintenance_window_seq start with 1 increment by 50;

create table client (
    id              bigint       primary key,
    key             varchar(64)  not null,
    name            varchar(200) not null,
    account_manager varchar(200),
    time_zone       varchar(64)  not null default 'UTC',
    active          boolean      not null default true,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    version         bigint       not null default 0,
    constraint client_key_unique unique (key),
    constraint client_key_slug check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

create table service (
    id          bigint       primary key,
    key         varchar(64)  not null,
    name        varchar(200) not null,
    description text,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    version     bigint       not null default 0,
    constraint service_key_unique unique (key),
    constraint service_key_slug check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);

create table contract (
    id                       bigint        primary key,
    client_id                bigint        not null references client (id),
    effective_from           date          not null,
    effective_to             date,
    target_percent           numeric(9, 6) not null,
    monthly_fee              numeric(19, 4) not null,
    currency                 char(3)       not null,
    credit_cap_percent       numeric(9, 6) not null default 100,
    impact_model             varchar(16)   not null default 'PROPORTIONAL',
    impact_threshold_percent numeric(9, 6),
    minimum_outage_seconds   integer       not null default 0,
    created_at               timestamptz   not null default now(),
    updated_at               timestamptz   not null default now(),
    version                  bigint        not null default 0,
    constraint contract_dates check (effective_to is null or effective_to > effective_from),
    -- later versions start on the first of a month, so a month never mixes two versions
    constraint contract_end_on_month_start check (effective_to is null or extract(day from effective_to) = 1),
    constraint contract_target_range check (target_percent > 0 and target_percent <= 100),
    constraint contract_fee_not_negative check (monthly_fee >= 0),
    constraint contract_currency_code check (currency ~ '^[A-Z]{3}$'),
    constraint contract_cap_range check (credit_cap_percent >= 0 and credit_cap_percent <= 100),
    constraint contract_impact_model check (impact_model in ('PROPORTIONAL', 'FULL', 'THRESHOLD')),
    constraint contract_threshold_with_model check (
        (impact_model = 'THRESHOLD') = (impact_threshold_percent is not null)),
    constraint contract_threshold_range check (
        impact_threshold_percent is null or (impact_threshold_percent > 0 and impact_threshold_percent <= 100)),
    constraint contract_minimum_outage check (minimum_outage_seconds >= 0)
);
create index contract_client_idx on contract (client_id, effective_from);

create table contract_service (
    contract_id bigint not null references contract (id) on delete cascade,
    service_id  bigint not null references service (id),
    primary key (contract_id, service_id)
);
create index contract_service_service_idx on contract_service (service_id);

create table credit_tier (
    contract_id    bigint        not null references contract (id) on delete cascade,
    below_percent  numeric(9, 6) not null,
    credit_percent numeric(9, 6) not null,
    primary key (contract_id, below_percent),
    constraint credit_tier_below_range check (below_percent > 0 and below_percent <= 100),
    constraint credit_tier_credit_range check (credit_percent >= 0 and credit_percent <= 100)
);

create table incident (
    id               bigint        primary key,
    source           varchar(64)   not null,
    external_id      varchar(200)  not null,
    title            varchar(300)  not null,
    severity         varchar(4)    not null,
    impact_percent   numeric(9, 6) not null default 100,
    excluded         boolean       not null default false,
    exclusion_reason text,
    summary          text,
    root_cause       text,
    started_at       timestamptz   not null,
    detected_at      timestamptz,
    acknowledged_at  timestamptz,
    mitigated_at     timestamptz,
    resolved_at      timestamptz,
    -- customer impact ends at mitigation, else at resolution; null while ongoing
    impact_ended_at  timestamptz generated always as (coalesce(mitigated_at, resolved_at)) stored,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    version          bigint        not null default 0,
    constraint incident_source_external_id_unique unique (source, external_id),
    constraint incident_severity check (severity in ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
    constraint incident_impact_range check (impact_percent > 0 and impact_percent <= 100),
    constraint incident_detected_after_start check (detected_at is null or detected_at >= started_at),
    constraint incident_acknowledged_after_detected check (
        acknowledged_at is null or (acknowledged_at >= started_at
            and (detected_at is null or acknowledged_at >= detected_at))),
    constraint incident_mitigated_after_start check (mitigated_at is null or mitigated_at >= started_at),
    constraint incident_resolved_after_start check (resolved_at is null or resolved_at >= started_at),
    constraint incident_resolved_after_mitigated check (
        resolved_at is null or mitigated_at is null or resolved_at >= mitigated_at)
);
-- reliability figures select by start time; availability selects by overlap with a window
create index incident_started_at_idx on incident (started_at);
create index incident_impact_period_idx on incident using gist (tstzrange(started_at, impact_ended_at, '[)'));
create index incident_open_idx on incident (started_at) where resolved_at is null;

create table incident_service (
    incident_id bigint not null references incident (id) on delete cascade,
    service_id  bigint not null references service (id),
    primary key (incident_id, service_id)
);
create index incident_service_service_idx on incident_service (service_id, incident_id);

create table incident_client (
    incident_id bigint not null references incident (id) on delete cascade,
    client_id   bigint not null references client (id),
    primary key (incident_id, client_id)
);
create index incident_client_client_idx on incident_client (client_id, incident_id);

create table incident_timeline_entry (
    id          bigint      primary key,
    incident_id bigint      not null references incident (id) on delete cascade,
    position    integer     not null,
    occurred_at timestamptz not null,
    text        text        not null
);
create index incident_timeline_entry_incident_idx on incident_timeline_entry (incident_id, position);

create table incident_preventive_action (
    incident_id bigint  not null references incident (id) on delete cascade,
    position    integer not null,
    text        text    not null,
    primary key (incident_id, position)
);

create table maintenance_window (
    id          bigint       primary key,
    title       varchar(300) not null,
    starts_at   timestamptz  not null,
    ends_at     timestamptz  not null,
    scope       varchar(16)  not null,
    announced   boolean      not null default true,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    version     bigint       not null default 0,
    constraint maintenance_window_order check (ends_at > starts_at),
    constraint maintenance_window_scope check (scope in ('ALL_CLIENTS', 'CLIENTS', 'SERVICES'))
);
create index maintenance_window_period_idx on maintenance_window using gist (tstzrange(starts_at, ends_at, '[)'));

create table maintenance_window_client (
    maintenance_window_id bigint not null references maintenance_window (id) on delete cascade,
    client_id             bigint not null references client (id),
    primary key (maintenance_window_id, client_id)
);
create index maintenance_window_client_client_idx on maintenance_window_client (client_id);

create table maintenance_window_service (
    maintenance_window_id bigint not null references maintenance_window (id) on delete cascade,
    service_id            bigint not null references service (id),
    primary key (maintenance_window_id, service_id)
);
create index maintenance_window_service_service_idx on maintenance_window_service (service_id);

-- small facts the service remembers about itself, e.g. that the demo data was loaded once
create table app_setting (
    key   varchar(100) primary key,
    value text         not null
);
