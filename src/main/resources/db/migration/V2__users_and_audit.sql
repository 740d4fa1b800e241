-- Who may sign in, with which roles; API tokens; which clients an account manager looks after;
-- and an audit trail of changes to incidents and contracts.

create sequence app_user_seq start with 1 increment by 50;
create sequence api_token_seq start with 1 increment by 50;

create table app_user (
    id            bigint       primary key,
    username      varchar(100) not null,
    -- bcrypt in modular crypt format ($2a$cost$salt+hash); never the password itself
    password_hash varchar(100) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    version       bigint       not null default 0,
    constraint app_user_username_unique unique (username),
    constraint app_user_username_format check (username ~ '^[a-z0-9][a-z0-9._@-]{0,99}$')
);

create table app_user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(32) not null,
    primary key (user_id, role),
    constraint app_user_role_known check (role in ('sre', 'account-manager', 'finance', 'admin'))
);

create table api_token (
    id         bigint       primary key,
    user_id    bigint       not null references app_user (id) on delete cascade,
    name       varchar(100) not null,
    -- SHA-256 (hex) of the token; the token itself is shown once and never stored
    token_hash varchar(64)  not null,
    -- the token's first characters, so a user can tell tokens apart in a list
    prefix     varchar(16)  not null,
    created_at timestamptz  not null default now(),
    constraint api_token_hash_unique unique (token_hash)
);
create index api_token_user_idx on api_token (user_id);

-- the user who looks after the client; account managers see only their own clients
alter table client add column account_manager_username varchar(100)
    references app_user (username) on update cascade on delete set null;
create index client_account_manager_username_idx on client (account_manager_username);

create table audit_log (
    id          bigserial    primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(100) not null,
    entity      varchar(32)  not null,
    entity_id   bigint       not null,
    action      varchar(32)  not null,
    before      jsonb,
    after       jsonb
);
create index audit_log_entity_idx on audit_log (entity, entity_id, id);
