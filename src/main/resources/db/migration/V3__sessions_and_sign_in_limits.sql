-- Server-side sign-in state that every instance on this database shares: the secrets behind session and
-- device cookies, the open sessions (so sign-out, a password change or a role change ends them at once),
-- and the failed sign-ins the throttle counts.

-- Random secrets generated on first start (never logged); the name says what each one keys.
create table app_secret (
    name       varchar(64)  primary key,
    value      varchar(200) not null,
    created_at timestamptz  not null default now()
);

-- One row per signed-in browser. The cookie carries a random id; only its SHA-256 is kept here.
create table user_session (
    id           bigserial    primary key,
    user_id      bigint       not null references app_user (id) on delete cascade,
    token_hash   varchar(64)  not null,
    created_at   timestamptz  not null default now(),
    last_seen_at timestamptz  not null default now(),
    constraint user_session_token_hash_unique unique (token_hash)
);
create index user_session_user_idx on user_session (user_id);
create index user_session_last_seen_idx on user_session (last_seen_at);

-- Failed sign-ins and failed current-password checks, counted per subject within a sliding window:
-- kind 'account' (a username, from an unknown device), 'address' (a client address),
-- 'device' (a known-device cookie's id) or 'current-password' (a username changing its password).
create table sign_in_failure (
    id        bigserial    primary key,
    kind      varchar(16)  not null,
    subject   varchar(200) not null,
    failed_at timestamptz  not null default now(),
    constraint sign_in_failure_kind_known check (kind in ('account', 'address', 'device', 'current-password'))
);
create index sign_in_failure_subject_idx on sign_in_failure (kind, subject, failed_at);
create index sign_in_failure_failed_at_idx on sign_in_failure (failed_at);
