package com.slaledger.ingest;

import com.slaledger.incident.IncidentRepository.IncidentKey;
import com.slaledger.incident.IncidentRequest;
import com.slaledger.incident.IncidentRequest.TimelineEntryRequest;
import com.slaledger.incident.IncidentResponse;
import com.slaledger.incident.IncidentService;
import com.slaledger.incident.IncidentService.BatchResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one place where ingest writes incidents, through the incident service's public read and batch
 * (idempotent upsert) methods, so validation, the order of instants and the audit trail live once.
 * Deliveries about the same incident are serialised by a transaction-scoped advisory lock on its key,
 * taken before the stored incident is read: two racing deliveries cannot both merge into a stale copy.
 */
@ApplicationScoped
public class IngestWriter {

    /** Lock namespace of ingest keys (the incident repository uses its own). */
    private static final int LOCK_NAMESPACE = 0x1A9E;
    private static final int LOCK_SLOTS = 4096;

    private final IncidentService incidents;
    private final EntityManager entityManager;

    public IngestWriter(IncidentService incidents, EntityManager entityManager) {
        this.incidents = incidents;
        this.entityManager = entityManager;
    }

    /** The incidents a delivery saved, in the order of its first event per incident, and its merge warnings. */
    public record Written(List<Long> incidentIds, int created, int updated, int unchanged, List<String> warnings) {
    }

    /**
     * Merges each event into its stored incident and saves them all, or none: an unknown service or client
     * or another invalid field throws the incident service's 400 problem, and the caller's transaction
     * rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Written write(List<IngestEvent> events) {
        return writeAll(List.of(events)).get(0);
    }

    /**
     * Writes several deliveries' events in one transaction, as if the deliveries had been written one after
     * the other in the order given: events about the same incident merge in that order (so the earliest
     * start and the latest state win, as {@link IncidentMerge} says), and each delivery's {@link Written}
     * counts what its own events changed. All or none: an invalid incident throws the incident service's
     * 400 problem for the whole group, and the caller's transaction rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Written> writeAll(List<List<IngestEvent>> deliveries) {
        Map<IncidentKey, IncidentRequest> merged = new LinkedHashMap<>();
        for (List<IngestEvent> events : deliveries) {
            events.forEach(event -> merged.putIfAbsent(keyOf(event), null));
        }
        lock(merged.keySet());
        Map<IncidentKey, IncidentResponse> stored = incidents.findByKeys(merged.keySet());
        stored.forEach((key, incident) -> merged.put(key, asRequest(incident)));
        List<DeliveryEffect> effects = new ArrayList<>(deliveries.size());
        for (List<IngestEvent> events : deliveries) {
            DeliveryEffect effect = new DeliveryEffect();
            for (IngestEvent event : events) {
                IncidentKey key = keyOf(event);
                IncidentRequest before = merged.get(key);
                effect.before.putIfAbsent(key, before);
                IncidentMerge.Merged result = IncidentMerge.merge(before, event);
                merged.put(key, result.request());
                result.warnings().forEach(w -> effect.warnings.add(event.externalId() + ": " + w));
            }
            effect.before.keySet().forEach(key -> effect.after.put(key, merged.get(key)));
            effects.add(effect);
        }
        List<IncidentKey> keys = List.copyOf(merged.keySet());
        BatchResult result = incidents.batch(keys.stream().map(merged::get).toList());
        Map<IncidentKey, Long> ids = new HashMap<>();
        for (IncidentService.BatchItemResult item : result.items()) {
            ids.put(keys.get(item.index()), item.id());
        }
        Set<IncidentKey> seen = new HashSet<>(stored.keySet());
        List<Written> written = new ArrayList<>(effects.size());
        for (DeliveryEffect effect : effects) {
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            for (Map.Entry<IncidentKey, IncidentRequest> entry : effect.before.entrySet()) {
                IncidentKey key = entry.getKey();
                if (seen.add(key)) {
                    created++;
                } else if (entry.getValue().normalized().equals(effect.after.get(key).normalized())) {
                    unchanged++;
                } else {
                    updated++;
                }
            }
            written.add(new Written(effect.before.keySet().stream().map(ids::get).toList(), created, updated,
                    unchanged, List.copyOf(effect.warnings)));
        }
        return written;
    }

    /** One delivery's incidents as they were before and after its own events, in the order it first names them. */
    private static final class DeliveryEffect {
        final Map<IncidentKey, IncidentRequest> before = new LinkedHashMap<>();
        final Map<IncidentKey, IncidentRequest> after = new HashMap<>();
        final List<String> warnings = new ArrayList<>();
    }

    private static IncidentKey keyOf(IngestEvent event) {
        return new IncidentKey(event.source(), event.externalId());
    }

    /** Advisory transaction locks on the keys' slots, in ascending order so two writers never deadlock. */
    private void lock(Iterable<IncidentKey> keys) {
        TreeSet<Integer> slots = new TreeSet<>();
        keys.forEach(key -> slots.add(Math.floorMod((key.source() + "\u0000" + key.externalId()).hashCode(),
                LOCK_SLOTS)));
        String values = slots.stream().map(String::valueOf).collect(Collectors.joining(","));
        entityManager.createNativeQuery("select count(pg_advisory_xact_lock(" + LOCK_NAMESPACE
                + ", slot)) from (select unnest(array[" + values + "]) as slot order by 1) slots").getSingleResult();
    }

    /** The request that stores the incident as it is (what an upsert compares a retry with). */
    static IncidentRequest asRequest(IncidentResponse stored) {
        return new IncidentRequest(stored.source(), stored.externalId(), stored.title(), stored.severity(),
                stored.affectedServices(), stored.affectedClients(), stored.impactPercent(), stored.excluded(),
                stored.exclusionReason(), stored.summary(), stored.rootCause(), stored.preventiveActions(),
                stored.timeline().stream().map(e -> new TimelineEntryRequest(e.at(), e.text())).toList(),
                stored.startedAt(), stored.detectedAt(), stored.acknowledgedAt(), stored.mitigatedAt(),
                stored.resolvedAt()).normalized();
    }

}
