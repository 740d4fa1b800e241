package com.slaledger.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.security.AccessScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes and reads audit entries. Entries are written with plain JDBC batches in the caller's
 * transaction: a batch of 10,000 incidents adds its 10,000 entries in a few round trips.
 */
@ApplicationScoped
public class AuditTrail {

    public static final int MAX_LIMIT = 1000;

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final AccessScope scope;

    public AuditTrail(EntityManager entityManager, ObjectMapper json, AccessScope scope) {
        this.entityManager = entityManager;
        this.json = json;
        this.scope = scope;
    }

    /** One change: {@code before} is null for a creation, {@code after} null for a deletion. */
    public record Change(String entity, long entityId, String action, String before, String after) {
    }

    public record AuditEntry(long id, Instant occurredAt, String actor, String entity, long entityId, String action,
            JsonNode before, JsonNode after) {
    }

    /** The JSON of a record as it is now, to keep as a change's before or after. */
    public String snapshot(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an audit snapshot of " + value.getClass().getSimpleName(), e);
        }
    }

    public void record(String entity, long entityId, String action, String before, String after) {
        recordAll(List.of(new Change(entity, entityId, action, before, after)));
    }

    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String actor = scope.actor();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into audit_log"
                    + " (actor, entity, entity_id, action, before, after) values (?, ?, ?, ?, cast(? as jsonb),"
                    + " cast(? as jsonb))")) {
                int pending = 0;
                for (Change change : changes) {
                    insert.setString(1, actor);
                    insert.setString(2, change.entity());
                    insert.setLong(3, change.entityId());
                    insert.setString(4, change.action());
                    insert.setString(5, change.before());
                    insert.setString(6, change.after());
                    insert.addBatch();
                    if (++pending == 500) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /** Newest first; entity and id are optional filters. */
    public List<AuditEntry> list(String entity, Long entityId, int limit) {
        StringBuilder sql = new StringBuilder("select id, occurred_at, actor, entity, entity_id, action,"
                + " cast(before as text), cast(after as text) from audit_log where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (entity != null) {
            sql.append(" and entity = ?").append(parameters.size() + 1);
            parameters.add(entity);
        }
        if (entityId != null) {
            sql.append(" and entity_id = ?").append(parameters.size() + 1);
            parameters.add(entityId);
        }
        sql.append(" order by id desc limit ").append(Math.min(Math.max(limit, 1), MAX_LIMIT));
        var query = entityManager.createNativeQuery(sql.toString(), Object[].class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(this::entry).toList();
    }

    private AuditEntry entry(Object[] row) {
        return new AuditEntry(((Number) row[0]).longValue(), instant(row[1]), (String) row[2], (String) row[3],
                ((Number) row[4]).longValue(), (String) row[5], tree((String) row[6]), tree((String) row[7]));
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The audit log holds JSON PostgreSQL accepted but Jackson cannot read", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        } else if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        } else if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }
}
