-- Saved contract what-ifs: a named proposal and month range for one client, re-evaluated whenever opened
-- (the figures are never stored: a late incident or an edited contract shows the next time it is opened).
create sequence what_if_seq increment by 50;

create table what_if (
    id         bigint       primary key,
    client_id  bigint       not null references client (id) on delete cascade,
    name       varchar(100) not null,
    -- the first and last month of the range, each as its first day (the client's calendar)
    from_month date         not null,
    to_month   date         not null,
    -- the proposed contract fields, as the API takes them; fields left out keep the current contract's
    proposal   jsonb        not null,
    created_by varchar(100) not null,
    created_at timestamptz  not null default now(),
    constraint what_if_name_unique unique (client_id, name),
    constraint what_if_months check (extract(day from from_month) = 1 and extract(day from to_month) = 1
        and from_month <= to_month)
);
