package com.slaledger.incident;

import com.slaledger.client.Client;
import com.slaledger.platform.CopyRows;
import com.slaledger.platform.SequenceIds;
import com.slaledger.service.Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Creates new incidents with PostgreSQL's COPY instead of one ORM entity per row: one {@code COPY ... FROM STDIN}
 * per table for a whole batch ({@link CopyRows}), on the transaction's own connection, so a failure anywhere
 * rolls back the batch with everything else the transaction wrote. Ids are taken in blocks from the sequences
 * the ORM uses, in the ORM's own convention ({@link SequenceIds}), so both writers can run side by side without
 * collisions.
 * Only for keys known to be new (the caller holds their advisory locks and found no row); the rows are the
 * same as the ORM would write, {@code version} 0 and {@code created_at} = {@code updated_at}. The service links
 * carry their incident's closed impact period, {@code [startedAt, mitigatedAt or else resolvedAt]}, computed here
 * from the instants written to the incident row, so the database's trigger need not look it up (migration V14;
 * every other writer leaves it to the trigger of V10).
 */
@ApplicationScoped
class IncidentBulkInsert {

    private final EntityManager entityManager;

    IncidentBulkInsert(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One incident to create: its normal form and the services and clients it names (all known). */
    record NewIncident(IncidentRequest normalized, Map<String, Service> services, Map<String, Client> clients) {
    }

    /**
     * Inserts the incidents with their services, clients, preventive actions and timeline in the caller's
     * transaction; returns their new ids in the order given and the instant stamped as created and updated.
     */
    Created insert(List<NewIncident> incidents) {
        if (incidents.isEmpty()) {
            return new Created(List.of(), null);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Long> ids = new ArrayList<>(incidents.size());
        entityManager.unwrap(Session.class).doWork(connection -> {
            ids.addAll(SequenceIds.take(connection, "incident_seq", incidents.size()));
            insertIncidents(connection, incidents, ids, now);
            insertLinks(connection, incidents, ids);
            insertTimelines(connection, incidents, ids);
        });
        return new Created(List.copyOf(ids), now);
    }

    /** The ids of the created incidents, in the order given, and their {@code created_at}. */
    record Created(List<Long> ids, Instant createdAt) {
    }

    private static void insertIncidents(Connection connection, List<NewIncident> incidents, List<Long> ids,
            Instant stamp) throws SQLException {
        CopyRows rows = new CopyRows();
        for (int i = 0; i < incidents.size(); i++) {
            IncidentRequest r = incidents.get(i).normalized();
            rows.add(ids.get(i)).add(r.source()).add(r.externalId()).add(r.title()).add(r.severity().name())
                    .add(r.impactPercent()).add(r.excluded()).add(r.exclusionReason()).add(r.summary())
                    .add(r.rootCause()).add(r.startedAt()).add(r.detectedAt()).add(r.acknowledgedAt())
                    .add(r.mitigatedAt()).add(r.resolvedAt()).add(stamp).add(stamp).add(0).endRow();
        }
        rows.copyInto(connection, "incident (id, source, external_id, title, severity, impact_percent, excluded,"
                + " exclusion_reason, summary, root_cause, started_at, detected_at, acknowledged_at, mitigated_at,"
                + " resolved_at, created_at, updated_at, version)");
    }

    private static void insertLinks(Connection connection, List<NewIncident> incidents, List<Long> ids)
            throws SQLException {
        CopyRows services = new CopyRows();
        CopyRows clients = new CopyRows();
        CopyRows actions = new CopyRows();
        for (int i = 0; i < incidents.size(); i++) {
            NewIncident incident = incidents.get(i);
            long id = ids.get(i);
            IncidentRequest r = incident.normalized();
            Instant impactEnd = r.mitigatedAt() != null ? r.mitigatedAt() : r.resolvedAt();
            for (String key : r.affectedServices()) {
                services.add(id).add(incident.services().get(key).id).addClosedRange(r.startedAt(), impactEnd).endRow();
            }
            for (String key : incident.normalized().affectedClients()) {
                clients.add(id).add(incident.clients().get(key).id).endRow();
            }
            List<String> preventive = incident.normalized().preventiveActions();
            for (int position = 0; position < preventive.size(); position++) {
                actions.add(id).add(position).add(preventive.get(position)).endRow();
            }
        }
        services.copyInto(connection, "incident_service (incident_id, service_id, impact_period)");
        clients.copyInto(connection, "incident_client (incident_id, client_id)");
        actions.copyInto(connection, "incident_preventive_action (incident_id, position, text)");
    }

    private static void insertTimelines(Connection connection, List<NewIncident> incidents, List<Long> ids)
            throws SQLException {
        int entries = incidents.stream().mapToInt(i -> i.normalized().timeline().size()).sum();
        if (entries == 0) {
            return;
        }
        List<Long> entryIds = SequenceIds.take(connection, "timeline_entry_seq", entries);
        CopyRows rows = new CopyRows();
        int next = 0;
        for (int i = 0; i < incidents.size(); i++) {
            List<IncidentRequest.TimelineEntryRequest> timeline = incidents.get(i).normalized().timeline();
            for (int position = 0; position < timeline.size(); position++) {
                rows.add(entryIds.get(next++)).add(ids.get(i)).add(position).add(timeline.get(position).at())
                        .add(timeline.get(position).text()).endRow();
            }
        }
        rows.copyInto(connection, "incident_timeline_entry (id, incident_id, position, occurred_at, text)");
    }
}
