-- The figures behind a credit and behind its review. A credit now keeps the downtime it was measured with, and a
-- review keeps the availability, downtime and credit percent both as credited and as re-measured, so a flagged
-- credit shows the two measurements side by side (docs/credit-claims.md "Review flags"), never the old
-- availability next to the new amount.
alter table credit add column downtime_seconds numeric;
alter table credit add column review_previous_availability_percent numeric;
alter table credit add column review_previous_downtime_seconds numeric;
alter table credit add column review_previous_credit_percent numeric(9, 6);
alter table credit add column review_recomputed_availability_percent numeric;
alter table credit add column review_recomputed_downtime_seconds numeric;
alter table credit add column review_recomputed_credit_percent numeric(9, 6);

-- Reviews from before: a flagged or issued credit still carries the figures it was credited with. The
-- re-measured figures of a pending flag come with the next sync; the downtime of older credits is unknown.
update credit
   set review_previous_availability_percent = availability_percent,
       review_previous_credit_percent = credit_percent
 where review_previous_amount is not null and (review_flagged or state = 'issued');
