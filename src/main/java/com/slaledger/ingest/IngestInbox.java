package com.slaledger.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.platform.SequenceIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

/**
 * Stores new deliveries in the inbox ({@code ingest_delivery}, V5) with one JDBC statement batch in the
 * caller's transaction, instead of one ORM entity each: a group of webhook deliveries is written with its
 * incidents in a few round trips. Ids come from {@code ingest_delivery_seq} as the ORM would take them
 * ({@link SequenceIds}); deliveries already stored (replays) go through the ORM.
 */
@ApplicationScoped
class IngestInbox {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    IngestInbox(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Inserts deliveries that have no id yet and sets their ids. */
    void insertNew(List<IngestDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            List<Long> ids = SequenceIds.take(connection, "ingest_delivery_seq", deliveries.size());
            try (PreparedStatement insert = connection.prepareStatement("insert into ingest_delivery (id, source,"
                    + " received_at, headers, body, outcome, reason, warnings, incident_ids, replay_count,"
                    + " last_replayed_at) values (?, ?, ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb),"
                    + " cast(? as jsonb), ?, ?)")) {
                for (int i = 0; i < deliveries.size(); i++) {
                    IngestDelivery delivery = deliveries.get(i);
                    if (delivery.id != null) {
                        throw new IllegalArgumentException("delivery " + delivery.id + " is stored already");
                    }
                    insert.setLong(1, ids.get(i));
                    insert.setString(2, delivery.source);
                    insert.setObject(3, delivery.receivedAt.atOffset(ZoneOffset.UTC));
                    insert.setString(4, toJson(delivery.headers));
                    insert.setBytes(5, delivery.body);
                    insert.setString(6, delivery.outcome.name());
                    insert.setString(7, delivery.reason);
                    insert.setString(8, toJson(delivery.warnings));
                    insert.setString(9, toJson(delivery.incidentIds));
                    insert.setInt(10, delivery.replayCount);
                    if (delivery.lastReplayedAt == null) {
                        insert.setNull(11, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        insert.setObject(11, delivery.lastReplayedAt.atOffset(ZoneOffset.UTC));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            for (int i = 0; i < deliveries.size(); i++) {
                deliveries.get(i).id = ids.get(i);
            }
        });
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a delivery's " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
