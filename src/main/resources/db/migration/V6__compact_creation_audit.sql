-- Incidents created together (a batch, a CSV import chunk, a group of webhook deliveries) are audited by one
-- compact entry naming their ids as ranges, instead of one entry per incident holding the incident as JSON:
-- the full snapshot tripled the space an incident takes. Changes and deletions are still audited one entry
-- per incident with both states. A look-up by id finds an incident's creation through the ranges.
alter table audit_log add column entity_ids int8multirange;
alter table audit_log add constraint audit_log_entity_ids_hold_entity_id
    check (entity_ids is null or entity_ids @> entity_id);
create index audit_log_entity_ids_idx on audit_log using gist (entity_ids) where entity_ids is not null;
