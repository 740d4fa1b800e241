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
import java.util.TreeSet;

/**
 * The incidents of a report, indexed so that finding a client's incidents costs what the client has,
 * not what the fleet has: those naming a client are filed under that client, and those naming none
 * under each service they affect (SPEC: an incident affects a client when the client is listed, or,
 * where no client is listed, when one of its services is covered by the client's contract).
 *
 * <p>Every list is kept in start order (then id), so a client's incidents are a merge of a few sorted
 * lists, never a sort.
 */
final class IncidentIndex {

    private static final Comparator<IncidentFacts> BY_START =
            Comparator.comparing(IncidentFacts::startedAt).thenComparingLong(IncidentFacts::id);

    private final List<IncidentFacts> all;
    // built once per incident, not once per client it affects: an incident may reach hundreds of clients
    private final Map<IncidentFacts, IncidentImpact> impacts = new IdentityHashMap<>();
    private final Map<String, List<IncidentFacts>> namingClient = new HashMap<>();
    private final Map<String, List<IncidentFacts>> byServiceNamingNoClient = new HashMap<>();

    /** {@code incidents} in any order; the report queries already give them by start, which costs no sort. */
    IncidentIndex(List<IncidentFacts> incidents) {
        List<IncidentFacts> sorted = new ArrayList<>(incidents);
        if (!isSorted(sorted)) {
            sorted.sort(BY_START);
        }
        this.all = List.copyOf(sorted);
        for (IncidentFacts incident : sorted) {
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

    /** The incidents that name the client, by start; empty when none does. */
    List<IncidentFacts> naming(String clientKey) {
        return namingClient.getOrDefault(clientKey, List.of());
    }

    /** The incidents affecting the client under a contract covering {@code coveredServices}, each once, by start. */
    List<IncidentFacts> affecting(String clientKey, Collection<String> coveredServices) {
        return affecting(naming(clientKey), coveredServices);
    }

    /**
     * As {@link #affecting(String, Collection)}, from the incidents naming the client ({@link #naming}): two
     * clients named by the same incidents and covering the same services are affected by the same ones.
     */
    List<IncidentFacts> affecting(List<IncidentFacts> naming, Collection<String> coveredServices) {
        List<List<IncidentFacts>> lists = new ArrayList<>();
        lists.add(naming);
        // a set: a contract listing a service twice must not file its incidents twice
        new TreeSet<>(coveredServices).forEach(service ->
                lists.add(byServiceNamingNoClient.getOrDefault(service, List.of())));
        return merge(lists);
    }

    /**
     * Sorted lists merged into one by start, each incident once: one naming no client but two covered
     * services is in two lists, and being equal in start and id its copies meet side by side.
     */
    private static List<IncidentFacts> merge(List<List<IncidentFacts>> lists) {
        List<List<IncidentFacts>> nonEmpty = lists.stream().filter(list -> !list.isEmpty()).toList();
        if (nonEmpty.size() == 1) {
            return Collections.unmodifiableList(nonEmpty.get(0));
        }
        int[] next = new int[nonEmpty.size()];
        List<IncidentFacts> merged = new ArrayList<>(nonEmpty.stream().mapToInt(List::size).sum());
        while (true) {
            int smallest = -1;
            for (int i = 0; i < next.length; i++) {
                if (next[i] < nonEmpty.get(i).size() && (smallest < 0
                        || BY_START.compare(nonEmpty.get(i).get(next[i]), nonEmpty.get(smallest).get(next[smallest])) < 0)) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                return merged;
            }
            IncidentFacts incident = nonEmpty.get(smallest).get(next[smallest]++);
            if (merged.isEmpty() || merged.get(merged.size() - 1) != incident) {
                merged.add(incident);
            }
        }
    }

    private static boolean isSorted(List<IncidentFacts> incidents) {
        for (int i = 1; i < incidents.size(); i++) {
            if (BY_START.compare(incidents.get(i - 1), incidents.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }
}
