package com.slaledger.incident;

import com.slaledger.client.Client;
import com.slaledger.platform.SequenceIds;
import com.slaledger.service.Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Creates new incidents with JDBC statement batches instead of one ORM entity per row: one multi-row insert
 * per table for a whole batch (the driver rewrites batched inserts, {@code reWriteBatchedInserts}), ids taken
 * in blocks from the sequences the ORM uses, in the ORM's own convention ({@link SequenceIds}), so both writers
 * can run side by side without collisions.
 * Only for keys known to be new (the caller holds their advisory locks and found no row); the rows are the
 * same as the ORM would write, {@code version} 0 and {@code created_at} = {@code updated_at}.
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
        OffsetDateTime stamp = now.atOffset(ZoneOffset.UTC);
        List<Long> ids = new ArrayList<>(incidents.size());
        entityManager.unwrap(Session.class).doWork(connection -> {
            ids.addAll(SequenceIds.take(connection, "incident_seq", incidents.size()));
            insertIncidents(connection, incidents, ids, stamp);
            insertLinks(connection, incidents, ids);
            insertTimelines(connection, incidents, ids);
        });
        return new Created(List.copyOf(ids), now);
    }

    /** The ids of the created incidents, in the order given, and their {@code created_at}. */
    record Created(List<Long> ids, Instant createdAt) {
    }

    private static void insertIncidents(Connection connection, List<NewIncident> incidents, List<Long> ids,
            OffsetDateTime stamp) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into incident (id, source, external_id,"
                + " title, severity, impact_percent, excluded, exclusion_reason, summary, root_cause, started_at,"
                + " detected_at, acknowledged_at, mitigated_at, resolved_at, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (int i = 0; i < incidents.size(); i++) {
                IncidentRequest r = incidents.get(i).normalized();
                insert.setLong(1, ids.get(i));
                insert.setString(2, r.source());
                insert.setString(3, r.externalId());
                insert.setString(4, r.title());
                insert.setString(5, r.severity().name());
                insert.setBigDecimal(6, r.impactPercent());
                insert.setBoolean(7, r.excluded());
                insert.setString(8, r.exclusionReason());
                insert.setString(9, r.summary());
                insert.setString(10, r.rootCause());
                setInstant(insert, 11, r.startedAt());
                setInstant(insert, 12, r.detectedAt());
                setInstant(insert, 13, r.acknowledgedAt());
                setInstant(insert, 14, r.mitigatedAt());
                setInstant(insert, 15, r.resolvedAt());
                insert.setObject(16, stamp);
                insert.setObject(17, stamp);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertLinks(Connection connection, List<NewIncident> incidents, List<Long> ids)
            throws SQLException {
        try (PreparedStatement services = connection.prepareStatement(
                "insert into incident_service (incident_id, service_id) values (?, ?)");
                PreparedStatement clients = connection.prepareStatement(
                        "insert into incident_client (incident_id, client_id) values (?, ?)");
                PreparedStatement actions = connection.prepareStatement(
                        "insert into incident_preventive_action (incident_id, position, text) values (?, ?, ?)")) {
            int serviceRows = 0;
            int clientRows = 0;
            int actionRows = 0;
            for (int i = 0; i < incidents.size(); i++) {
                NewIncident incident = incidents.get(i);
                long id = ids.get(i);
                for (String key : incident.normalized().affectedServices()) {
                    services.setLong(1, id);
                    services.setLong(2, incident.services().get(key).id);
                    services.addBatch();
                    serviceRows++;
                }
                for (String key : incident.normalized().affectedClients()) {
                    clients.setLong(1, id);
                    clients.setLong(2, incident.clients().get(key).id);
                    clients.addBatch();
                    clientRows++;
                }
                List<String> preventive = incident.normalized().preventiveActions();
                for (int position = 0; position < preventive.size(); position++) {
                    actions.setLong(1, id);
                    actions.setInt(2, position);
                    actions.setString(3, preventive.get(position));
                    actions.addBatch();
                    actionRows++;
                }
            }
            if (serviceRows > 0) {
                services.executeBatch();
            }
            if (clientRows > 0) {
                clients.executeBatch();
            }
            if (actionRows > 0) {
                actions.executeBatch();
            }
        }
    }

    private static void insertTimelines(Connection connection, List<NewIncident> incidents, List<Long> ids)
            throws SQLException {
        int entries = incidents.stream().mapToInt(i -> i.normalized().timeline().size()).sum();
        if (entries == 0) {
            return;
        }
        List<Long> entryIds = SequenceIds.take(connection, "timeline_entry_seq", entries);
        try (PreparedStatement insert = connection.prepareStatement("insert into incident_timeline_entry"
                + " (id, incident_id, position, occurred_at, text) values (?, ?, ?, ?, ?)")) {
            int next = 0;
            for (int i = 0; i < incidents.size(); i++) {
                List<IncidentRequest.TimelineEntryRequest> timeline = incidents.get(i).normalized().timeline();
                for (int position = 0; position < timeline.size(); position++) {
                    insert.setLong(1, entryIds.get(next++));
                    insert.setLong(2, ids.get(i));
                    insert.setInt(3, position);
                    setInstant(insert, 4, timeline.get(position).at());
                    insert.setString(5, timeline.get(position).text());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }
}
