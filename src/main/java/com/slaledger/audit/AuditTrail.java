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
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * One audit entry as listed. {@code entityId} is the entity changed, or for a compact creation entry the
     * lowest id created; {@code createdIds} is null except on a compact creation entry, where it lists every
     * id created as inclusive ranges, lowest first.
     */
    public record AuditEntry(long id, Instant occurredAt, String actor, String entity, long entityId, String action,
            JsonNode before, JsonNode after, List<IdRange> createdIds) {
    }

    /** Ids {@code first} to {@code last}, both included. */
    public record IdRange(long first, long last) {
    }

    /**
     * A top-level field of a snapshot whose value differs between a change's {@code before} and {@code after};
     * either side is null where the field is absent or JSON null (a creation has no before, a deletion no after).
     */
    public record FieldChange(String field, JsonNode before, JsonNode after) {
    }

    /**
     * What a change did, field by field: the top-level fields of {@code before} and {@code after} (either may be
     * null) whose values differ, by name (a stored snapshot keeps no field order: PostgreSQL's {@code jsonb}
     * sorts keys by length), leaving out {@code ignored} ones such as timestamps. A field JSON null on one side
     * and absent on the other is unchanged.
     */
    public static List<FieldChange> changedFields(JsonNode before, JsonNode after, Set<String> ignored) {
        Set<String> names = new TreeSet<>();
        for (JsonNode snapshot : new JsonNode[] {after, before}) {
            if (snapshot != null) {
                snapshot.fieldNames().forEachRemaining(names::add);
            }
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            JsonNode old = value(before, name);
            JsonNode now = value(after, name);
            if (!ignored.contains(name) && !Objects.equals(old, now)) {
                changes.add(new FieldChange(name, old, now));
            }
        }
        return changes;
    }

    private static JsonNode value(JsonNode snapshot, String field) {
        JsonNode value = snapshot == null ? null : snapshot.get(field);
        return value == null || value.isNull() ? null : value;
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

    /**
     * Records the creation of many entities at once as one compact entry: action {@code create}, {@code entity_id}
     * the lowest id, {@code entity_ids} every id as ranges (a look-up by any of them finds it), {@code after}
     * only {@code {"created": n}}. The entities' content is not repeated: their later changes are audited one
     * by one with both states, so the state at creation can be told from the first change's {@code before}.
     */
    public void recordCreated(String entity, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<IdRange> ranges = ranges(ids);
        StringBuilder multirange = new StringBuilder("{");
        for (IdRange range : ranges) {
            if (multirange.length() > 1) {
                multirange.append(',');
            }
            multirange.append('[').append(range.first()).append(',').append(range.last() + 1).append(')');
        }
        multirange.append('}');
        String actor = scope.actor();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into audit_log"
                    + " (actor, entity, entity_id, action, after, entity_ids) values (?, ?, ?, 'create',"
                    + " cast(? as jsonb), cast(? as int8multirange))")) {
                insert.setString(1, actor);
                insert.setString(2, entity);
                insert.setLong(3, ranges.get(0).first());
                insert.setString(4, "{\"created\": " + ids.size() + "}");
                insert.setString(5, multirange.toString());
                insert.executeUpdate();
            }
        });
    }

    /** Distinct ids as inclusive ranges of consecutive ids, lowest first. */
    static List<IdRange> ranges(Collection<Long> ids) {
        long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        List<IdRange> ranges = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[i - 1] + 1) {
                ranges.add(new IdRange(sorted[start], sorted[i - 1]));
                start = i;
            }
        }
        return ranges;
    }

    /** Newest first; entity and id are optional filters (an id also finds the compact entry that created it). */
    public List<AuditEntry> list(String entity, Long entityId, int limit) {
        StringBuilder sql = new StringBuilder("select id, occurred_at, actor, entity, entity_id, action,"
                + " cast(before as text), cast(after as text), cast(entity_ids as text) from audit_log where 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (entity != null) {
            sql.append(" and entity = ?").append(parameters.size() + 1);
            parameters.add(entity);
        }
        if (entityId != null) {
            sql.append(" and (entity_id = ?").append(parameters.size() + 1)
                    .append(" or (entity_ids is not null and entity_ids @> cast(?").append(parameters.size() + 1)
                    .append(" as bigint)))");
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
                ((Number) row[4]).longValue(), (String) row[5], tree((String) row[6]), tree((String) row[7]),
                parseRanges((String) row[8]));
    }

    /** PostgreSQL's text of an {@code int8multirange}, always canonical {@code {[a,b),[c,d)}}, as inclusive ranges. */
    static List<IdRange> parseRanges(String multirange) {
        if (multirange == null) {
            return null;
        }
        List<IdRange> ranges = new ArrayList<>();
        String inner = multirange.substring(1, multirange.length() - 1);
        if (inner.isEmpty()) {
            return ranges;
        }
        for (String range : inner.split("\\),")) {
            String[] bounds = range.replace("[", "").replace(")", "").split(",");
            ranges.add(new IdRange(Long.parseLong(bounds[0]), Long.parseLong(bounds[1]) - 1));
        }
        return ranges;
    }

    /** A snapshot read back as JSON; null for null. */
    public JsonNode tree(String text) {
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
