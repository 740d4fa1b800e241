package com.slaledger.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
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
     * Existing incidents for a set of idempotency keys: one query per source for their ids, whose plan does
     * not depend on how many keys there are or on the table's statistics (the keys travel as one array and
     * are joined to the unique index), then the incidents by id in batches.
     */
    public Map<IncidentKey, Incident> findByKeys(Collection<IncidentKey> keys) {
        Map<String, List<String>> idsBySource = keys.stream().collect(Collectors.groupingBy(IncidentKey::source,
                Collectors.mapping(IncidentKey::externalId, Collectors.toList())));
        List<Long> ids = new ArrayList<>();
        idsBySource.forEach((source, externalIds) -> {
            for (int from = 0; from < externalIds.size(); from += KEYS_PER_QUERY) {
                List<String> chunk = externalIds.subList(from, Math.min(externalIds.size(), from + KEYS_PER_QUERY));
                List<?> found = getEntityManager().createNativeQuery("select i.id from incident i"
                        + " join unnest(cast(?1 as text[])) as wanted(external_id) on i.external_id = wanted.external_id"
                        + " where i.source = ?2").setParameter(1, chunk.toArray(String[]::new))
                        .setParameter(2, source).getResultList();
                found.forEach(id -> ids.add(((Number) id).longValue()));
            }
        });
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().unwrap(Session.class).byMultipleIds(Incident.class).multiLoad(ids).stream()
                .collect(Collectors.toMap(IncidentKey::of, i -> i));
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
                .getSingleResult();
    }

    /**
     * Plans each key lookup of the rest of this transaction for its own keys. A long import inserts
     * thousands of rows the statistics do not know yet; a generic plan of {@code external_id in (...)},
     * made once for a table thought empty, then scans every row for each of the 1,000 keys of each chunk,
     * and an import of 100,000 rows slows to a crawl. A plan per call uses the index, or at worst hashes the
     * keys.
     */
    public void planKeyLookupsPerCall() {
        getEntityManager().createNativeQuery("set local plan_cache_mode = force_custom_plan").executeUpdate();
    }

    /** An incident's identity across retries. */
    public record IncidentKey(String source, String externalId) {
        static IncidentKey of(Incident incident) {
            return new IncidentKey(incident.source, incident.externalId);
        }
    }
}
