-- Recurring maintenance windows: a window may repeat by an RFC 5545 recurrence rule. Its starts_at/ends_at give
-- the first occurrence (the local start in time_zone is DTSTART, the length that of every occurrence);
-- exception_dates are local dates whose occurrence is left out (EXDATE-like). series_ends_at is an instant by
-- which every occurrence has ended (ends_at for a one-off window, null for a rule without UNTIL or COUNT): the
-- reports read the windows overlapping their range by it and expand the rules in memory.
alter table maintenance_window add column recurrence varchar(300);
alter table maintenance_window add column time_zone varchar(64);
alter table maintenance_window add column exception_dates date[] not null default '{}';
alter table maintenance_window add column series_ends_at timestamptz;
update maintenance_window set series_ends_at = ends_at;
alter table maintenance_window add constraint maintenance_window_recurrence_zone
    check ((recurrence is null) = (time_zone is null));
alter table maintenance_window add constraint maintenance_window_one_off_series
    check (recurrence is not null or (series_ends_at = ends_at and cardinality(exception_dates) = 0));
alter table maintenance_window add constraint maintenance_window_exception_count
    check (cardinality(exception_dates) <= 1000);
create index maintenance_window_series_idx on maintenance_window (starts_at, series_ends_at);

-- Service calendars: the hours a business-hours SLA measures (weekly local time ranges in the client's zone),
-- less the public holidays of a country (and subdivision) and custom holiday dates.
create sequence service_calendar_seq start with 1 increment by 50;

create table service_calendar (
    id                  bigint       primary key,
    key                 varchar(64)  not null,
    name                varchar(200) not null,
    -- one line per range, "MONDAY 08:00-18:00", canonical order (weekday, start)
    weekly_hours        text         not null,
    holiday_country     varchar(2),
    holiday_subdivision varchar(16),
    custom_holidays     date[]       not null default '{}',
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    version             bigint       not null default 0,
    constraint service_calendar_key_unique unique (key),
    constraint service_calendar_key_slug check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint service_calendar_subdivision_with_country check (
        holiday_subdivision is null or holiday_country is not null),
    constraint service_calendar_custom_holiday_count check (cardinality(custom_holidays) <= 1000)
);

-- a contract may measure only its calendar's service hours; a calendar in use cannot be deleted
alter table contract add column service_calendar_key varchar(64) references service_calendar (key);
create index contract_service_calendar_idx on contract (service_calendar_key) where service_calendar_key is not null;
