package com.slaledger.report;

import com.slaledger.analytics.IncidentImpact;
import com.slaledger.incident.IncidentFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The incidents of a report, indexed so that finding a client's incidents costs what the client has,
 * not what the fleet has: those naming a client are filed under that client, and those naming none
 * under each service they affect (SPEC: an incident affects a client when the client is listed, or,
 * where no client is listed, when one of its services is covered by the client's contract).
 */
final class IncidentIndex {

    private static final Comparator<IncidentFacts> BY_START =
            Comparator.comparing(IncidentFacts::startedAt).thenComparingLong(IncidentFacts::id);

    private final List<IncidentFacts> all;
    // built once per incident, not once per client it affects: an incident may reach hundreds of clients
    private final Map<IncidentFacts, IncidentImpact> impacts = new IdentityHashMap<>();
    private final Map<String, List<IncidentFacts>> namingClient = new HashMap<>();
    private final Map<String, List<IncidentFacts>> byServiceNamingNoClient = new HashMap<>();

    IncidentIndex(List<IncidentFacts> incidents) {
        this.all = List.copyOf(incidents);
        for (IncidentFacts incident : incidents) {
            impacts.put(incident, incident.impact());
            if (incident.clientKeys().isEmpty()) {
                incident.serviceKeys().forEach(service ->
                        byServiceNamingNoClient.computeIfAbsent(service, k -> new ArrayList<>()).add(incident));
            } else {
                incident.clientKeys().forEach(client ->
                        namingClient.computeIfAbsent(client, k -> new ArrayList<>()).add(incident));
            }
        }
    }

    List<IncidentFacts> all() {
        return all;
    }

    /** The incident as availability weighs it; for incidents of this index only. */
    IncidentImpact impactOf(IncidentFacts incident) {
        return impacts.get(incident);
    }

    /** The incidents affecting the client under a contract covering {@code coveredServices}, each once, by start. */
    List<IncidentFacts> affecting(String clientKey, Collection<String> coveredServices) {
        // an incident naming no client but two covered services is filed twice; count it once
        Set<IncidentFacts> found = Collections.newSetFromMap(new IdentityHashMap<>());
        found.addAll(namingClient.getOrDefault(clientKey, List.of()));
        coveredServices.forEach(service -> found.addAll(byServiceNamingNoClient.getOrDefault(service, List.of())));
        List<IncidentFacts> sorted = new ArrayList<>(found);
        sorted.sort(BY_START);
        return sorted;
    }
}
