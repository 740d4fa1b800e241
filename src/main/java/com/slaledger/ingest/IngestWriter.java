package com.slaledger.ingest;

import com.slaledger.incident.IncidentRequest;
import com.slaledger.incident.IncidentRequest.TimelineEntryRequest;
import com.slaledger.incident.IncidentResponse;
import com.slaledger.incident.IncidentService;
import com.slaledger.incident.IncidentService.BatchResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, List<IngestEvent>> byKey = new LinkedHashMap<>();
        for (IngestEvent event : events) {
            byKey.computeIfAbsent(event.source() + "\u0000" + event.externalId(), k -> new ArrayList<>()).add(event);
        }
        lock(byKey.keySet());
        List<IncidentRequest> requests = new ArrayList<>(byKey.size());
        List<String> warnings = new ArrayList<>();
        for (List<IngestEvent> sameIncident : byKey.values()) {
            IngestEvent first = sameIncident.get(0);
            IncidentRequest current = incidents.findByKey(first.source(), first.externalId())
                    .map(IngestWriter::asRequest).orElse(null);
            for (IngestEvent event : sameIncident) {
                IncidentMerge.Merged merged = IncidentMerge.merge(current, event);
                current = merged.request();
                merged.warnings().forEach(w -> warnings.add(event.externalId() + ": " + w));
            }
            requests.add(current);
        }
        BatchResult result = incidents.batch(requests);
        return new Written(result.items().stream().map(IncidentService.BatchItemResult::id).toList(),
                result.created(), result.updated(), result.unchanged(), List.copyOf(warnings));
    }

    /** Advisory transaction locks on the keys' slots, in ascending order so two writers never deadlock. */
    private void lock(Iterable<String> keys) {
        TreeSet<Integer> slots = new TreeSet<>();
        keys.forEach(key -> slots.add(Math.floorMod(key.hashCode(), LOCK_SLOTS)));
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
