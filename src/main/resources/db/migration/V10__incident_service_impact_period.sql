-- One client's month reads the incidents of the services its contract covers, within the month. The link
-- table carried no time, so PostgreSQL collected every incident of those services over all years and tested
-- each of the month's incidents (all clients' services) against that list. At 10,000,000 incidents the list
-- (500,000 ids for five services) no longer fit work_mem; PostgreSQL then compared each of the month's
-- 170,000 rows with the whole list, and one client's month ran for minutes. Each link now carries its
-- incident's impact period, so a GiST index on (service, period) finds a client's month directly: the work
-- follows the client's own incidents, not the size of the table or of the fleet.
--
-- The period is closed, [started_at, impact_ended_at]: an incident that starts in a window without lasting any
-- time (an empty '[)' range overlaps nothing) is still found, and a superset is harmless because the report
-- query applies the exact window test to the incident row. An ongoing incident has no upper bound.
--
-- btree_gist gives the GiST index its equality on service_id (a trusted extension since PostgreSQL 13: the
-- database owner may create it; the official images and managed services ship it).
create extension if not exists btree_gist;

alter table incident_service add column impact_period tstzrange;
update incident_service x
   set impact_period = tstzrange(i.started_at, i.impact_ended_at, '[]')
  from incident i
 where i.id = x.incident_id;

-- Kept by the database, so every write path (the ORM's collection, the bulk insert, imports, webhooks)
-- keeps it without knowing of it: a new link takes its incident's period; a change of the incident's start
-- or impact end moves its links' periods.
create function incident_service_take_impact_period() returns trigger language plpgsql as $$
begin
    select tstzrange(i.started_at, i.impact_ended_at, '[]') into new.impact_period
      from incident i where i.id = new.incident_id;
    return new;
end;
$$;

create trigger incident_service_impact_period
    before insert or update of incident_id on incident_service
    for each row execute function incident_service_take_impact_period();

create function incident_moves_service_impact_periods() returns trigger language plpgsql as $$
begin
    update incident_service
       set impact_period = tstzrange(new.started_at, new.impact_ended_at, '[]')
     where incident_id = new.id;
    return null;
end;
$$;

create trigger incident_service_impact_periods_follow
    after update on incident
    for each row
    when (old.started_at is distinct from new.started_at or old.impact_ended_at is distinct from new.impact_ended_at)
    execute function incident_moves_service_impact_periods();

alter table incident_service alter column impact_period set not null;
create index incident_service_period_idx on incident_service using gist (service_id, impact_period);
