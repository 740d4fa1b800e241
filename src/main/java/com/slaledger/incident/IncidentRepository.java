package com.slaledger.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.hibernate.Session;
import org.postgresql.PGStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

@ApplicationScoped
public class IncidentRepository implements PanacheRepository<Incident> {

    /** Keys per query: well below PostgreSQL's limit of bind parameters per statement. */
    private static final int KEYS_PER_QUERY = 1000;
    /** Idempotency keys hash into this many lock slots, so a batch never takes more locks than this. */
    private static final int LOCK_SLOTS = 4096;
    private static final int LOCK_NAMESPACE = 0x51A;

    public Optional<Incident> findByKey(String source, String externalId) {
        return find("source = ?1 and externalId = ?2", source, externalId).firstResultOptional();
    }

    /**
     * Existing incidents for a set of idempotency keys: one query per source for their ids (the keys travel as
     * one array, each probing the unique index, planned on every call, so neither the number of keys nor a
     * table grown past its statistics inside a long import can give it a bad plan), then the
     * incidents by id in batches. The incidents come <em>read-only</em>: a retry compared with them costs no
     * dirty check; {@link #writable} makes one changeable before it is changed. Pending changes of the
     * session are not flushed first (the keys of stored incidents never change).
     */
    public Map<IncidentKey, Incident> findByKeys(Collection<IncidentKey> keys) {
        Map<String, List<String>> idsBySource = keys.stream().collect(Collectors.groupingBy(IncidentKey::source,
                Collectors.mapping(IncidentKey::externalId, Collectors.toList())));
        List<Long> ids = new ArrayList<>();
        Session session = getEntityManager().unwrap(Session.class);
        session.doWork(connection -> {
            // One probe of the unique index per key, whatever the planner thinks of the table's size: as a join,
            // 1,000 keys against a table of 100,000 rows was planned as a hash join over the whole table.
            try (PreparedStatement lookup = connection.prepareStatement("select (select i.id from incident i"
                    + " where i.source = ? and i.external_id = wanted.external_id)"
                    + " from unnest(cast(? as text[])) as wanted(external_id)")) {
                // never a server-side prepared statement: each call is planned for the table as it is now
                lookup.unwrap(PGStatement.class).setPrepareThreshold(0);
                for (Map.Entry<String, List<String>> source : idsBySource.entrySet()) {
                    List<String> externalIds = source.getValue();
                    for (int from = 0; from < externalIds.size(); from += KEYS_PER_QUERY) {
                        List<String> chunk = externalIds.subList(from, Math.min(externalIds.size(), from + KEYS_PER_QUERY));
                        lookup.setString(1, source.getKey());
                        lookup.setArray(2, connection.createArrayOf("text", chunk.toArray()));
                        try (ResultSet rows = lookup.executeQuery()) {
                            while (rows.next()) {
                                long id = rows.getLong(1);
                                if (!rows.wasNull()) {
                                    ids.add(id);
                                }
                            }
                        }
                    }
                }
            }
        });
        if (ids.isEmpty()) {
            return Map.of();
        }
        boolean readOnly = session.isDefaultReadOnly();
        session.setDefaultReadOnly(true);
        try {
            return session.byMultipleIds(Incident.class).multiLoad(ids).stream()
                    .collect(Collectors.toMap(IncidentKey::of, i -> i));
        } finally {
            session.setDefaultReadOnly(readOnly);
        }
    }

    /** Makes an incident loaded read-only ({@link #findByKeys}) changeable: changes made afterwards are flushed. */
    public void writable(Incident incident) {
        getEntityManager().unwrap(Session.class).setReadOnly(incident, false);
    }

    /**
     * Serialises writers of the same idempotency keys until the transaction ends, so two identical
     * requests racing each other create one incident: the second waits, then finds the first's row.
     * Slots are taken in ascending order, so two batches cannot deadlock each other.
     */
    public void lockKeys(Collection<IncidentKey> keys) {
        Set<Integer> slots = keys.stream().map(k -> Math.floorMod((k.source() + "\u0000" + k.externalId()).hashCode(), LOCK_SLOTS))
                .collect(Collectors.toCollection(TreeSet::new));
        if (slots.isEmpty()) {
            return;
        }
        String values = slots.stream().map(String::valueOf).collect(Collectors.joining(","));
        getEntityManager().createNativeQuery("select count(pg_advisory_xact_lock(" + LOCK_NAMESPACE
                + ", slot)) from (select unnest(array[" + values + "]) as slot order by 1) slots")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
    }

    /**
     * Lets one CSV import write at a time, until its transaction ends: an import takes its keys' locks
     * ({@link #lockKeys}) chunk after chunk and holds them all, so two imports would take them in crossing order
     * and deadlock. A lock of its own in the same namespace (slot -1; key slots are 0 and up).
     */
    public void lockImports() {
        getEntityManager().createNativeQuery("select count(pg_advisory_xact_lock(" + LOCK_NAMESPACE + ", -1))")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
    }

    /** An incident's identity across retries. */
    public record IncidentKey(String source, String externalId) {
        static IncidentKey of(Incident incident) {
            return new IncidentKey(incident.source, incident.externalId);
        }
    }
}
