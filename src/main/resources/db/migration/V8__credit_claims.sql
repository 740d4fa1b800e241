-- Credit claims: a contract's claim rule, and one credit per breached, closed client-month, worked from owed to
-- issued. SPEC "SLA breach and credit" gives the amount; the rules of claims are in docs/credit-claims.md.

-- AUTOMATIC: the credit is due without a claim. CLAIM_WITHIN_DAYS: the client must claim before the end of day
-- claim_window_days after the month's end, in the client's zone.
alter table contract add column claim_rule varchar(24) not null default 'AUTOMATIC';
alter table contract add column claim_window_days integer;
alter table contract add constraint contract_claim_rule check (claim_rule in ('AUTOMATIC', 'CLAIM_WITHIN_DAYS'));
alter table contract add constraint contract_claim_window_with_rule check (
    (claim_rule = 'CLAIM_WITHIN_DAYS') = (claim_window_days is not null));
alter table contract add constraint contract_claim_window_range check (
    claim_window_days is null or (claim_window_days between 1 and 366));

create sequence credit_seq start with 1 increment by 50;

-- A month never mixes two contract versions (SPEC "Domain"), so a client-month has one currency: one row.
create table credit (
    id                       bigint         primary key,
    client_id                bigint         not null references client (id),
    month                    char(7)        not null,
    contract_id              bigint         not null references contract (id),
    currency                 char(3)        not null,
    amount                   numeric(19, 4) not null,
    -- the percent of the fee the amount is (the tier earned, capped); availability as measured, exact
    credit_percent           numeric(9, 6)  not null,
    availability_percent     numeric        not null,
    state                    varchar(16)    not null,
    -- claims must arrive before this instant (exclusive); null when the credit needs no claim
    claim_deadline           timestamptz,
    claimed_at               timestamptz,
    claim_reference          varchar(200),
    rejection_reason         varchar(2000),
    credit_note_number       varchar(64),
    issued_on                date,
    -- the figures changed after the credit was issued: the amount stays, finance reviews the difference
    review_flagged           boolean        not null default false,
    review_previous_amount   numeric(19, 4),
    review_recomputed_amount numeric(19, 4),
    review_flagged_at        timestamptz,
    review_note              varchar(2000),
    created_at               timestamptz    not null default now(),
    updated_at               timestamptz    not null default now(),
    version                  bigint         not null default 0,
    constraint credit_client_month_unique unique (client_id, month),
    constraint credit_month_format check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    constraint credit_currency_code check (currency ~ '^[A-Z]{3}$'),
    constraint credit_amount_not_negative check (amount >= 0),
    constraint credit_state check (state in ('owed', 'claimed', 'approved', 'rejected', 'issued', 'expired')),
    constraint credit_claimed_with_claim check (
        state in ('owed', 'expired') or (claimed_at is not null and claim_reference is not null)),
    constraint credit_rejected_with_reason check ((state = 'rejected') = (rejection_reason is not null)),
    constraint credit_issued_with_note check (
        (state = 'issued') = (credit_note_number is not null and issued_on is not null)),
    constraint credit_review_amounts check (
        not review_flagged or (review_previous_amount is not null and review_recomputed_amount is not null)),
    constraint credit_note_number_unique unique (credit_note_number)
);
create index credit_state_month_idx on credit (state, month);
create index credit_month_idx on credit (month, client_id);
create index credit_owed_deadline_idx on credit (claim_deadline) where state = 'owed';
