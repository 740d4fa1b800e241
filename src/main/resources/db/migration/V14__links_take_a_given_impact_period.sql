-- A service link's impact period (V10) was looked up by a per-row trigger for every new link, including the
-- links of incidents the same transaction has just written: the bulk insert of 100,000 new incidents spent
-- about a third of its link writes in that look-up. A writer that has the incident's instants in hand may now
-- give the period itself; the trigger fills it only when none is given.
--
-- The given period must be the incident's closed impact period, exactly what the trigger would compute:
-- tstzrange(started_at, coalesce(mitigated_at, resolved_at), '[]') of the incident row, to the microsecond.
-- Only IncidentBulkInsert gives one (from the same instants, cut the same way, that it writes to the
-- incident row in the same transaction; IncidentBulkInsertTest compares every link with the trigger's value).
-- A change of the link's incident, or of the incident's start or impact end, still recomputes it (V10).
drop trigger incident_service_impact_period on incident_service;

create trigger incident_service_impact_period
    before insert on incident_service
    for each row
    when (new.impact_period is null)
    execute function incident_service_take_impact_period();

create trigger incident_service_impact_period_moves
    before update of incident_id on incident_service
    for each row
    execute function incident_service_take_impact_period();
