package com.slaledger.report;

import com.slaledger.analytics.ImpactTable;
import com.slaledger.analytics.Micros;
import com.slaledger.analytics.TimeWindow;
import com.slaledger.incident.IncidentFacts;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.IntPredicate;

/**
 * The incidents of a report, indexed so that finding a client's incidents costs what the client has,
 * not what the fleet has: those naming a client are filed under that client, and those naming none
 * under each service they affect (SPEC: an incident affects a client when the client is listed, or,
 * where no client is listed, when one of its services is covered by the client's contract).
 *
 * <p>The incidents are kept in start order (then id) and an incident is known by its position in that
 * order: every list is a sorted array of positions, so a client's incidents are a merge of a few sorted
 * arrays, never a sort, and what availability reads of an incident (its interval and weights,
 * {@link ImpactTable}) is worked out once per report, not once per client it affects.
 */
final class IncidentIndex {

    private static final Comparator<IncidentFacts> BY_START =
            Comparator.comparing(IncidentFacts::startedAt).thenComparingLong(IncidentFacts::id);
    private static final int[] NONE = new int[0];

    private final List<IncidentFacts> all;
    private final ImpactTable impacts;
    /** By position: the start in microseconds (rounded down) and the impact end rounded up; see {@link #concerns}. */
    private final long[] startMicros;
    private final long[] impactEndCeilingMicros;
    private final boolean[] ongoing;
    private final Map<String, int[]> namingClient = new HashMap<>();
    private final Map<String, int[]> byServiceNamingNoClient = new HashMap<>();

    /** {@code incidents} in any order; the report queries already give them by start, which costs no sort. */
    IncidentIndex(List<IncidentFacts> incidents) {
        List<IncidentFacts> sorted = new ArrayList<>(incidents);
        if (!isSorted(sorted)) {
            sorted.sort(BY_START);
        }
        this.all = List.copyOf(sorted);
        // built once per incident, not once per client it affects: an incident may reach hundreds of clients
        this.impacts = ImpactTable.of(all.stream().map(IncidentFacts::impact).toList());
        startMicros = new long[all.size()];
        impactEndCeilingMicros = new long[all.size()];
        ongoing = new boolean[all.size()];
        Map<String, PositionsBuilder> naming = new HashMap<>();
        Map<String, PositionsBuilder> byService = new HashMap<>();
        for (int position = 0; position < all.size(); position++) {
            IncidentFacts incident = all.get(position);
            startMicros[position] = Micros.of(incident.startedAt());
            ongoing[position] = incident.ongoing();
            impactEndCeilingMicros[position] = ongoing[position] ? 0 : ceilingMicros(incident.impactEndedAt());
            boolean namesNoClient = incident.clientKeys().isEmpty();
            for (String key : namesNoClient ? incident.serviceKeys() : incident.clientKeys()) {
                (namesNoClient ? byService : naming).computeIfAbsent(key, k -> new PositionsBuilder()).add(position);
            }
        }
        naming.forEach((client, positions) -> namingClient.put(client, positions.toArray()));
        byService.forEach((service, positions) -> byServiceNamingNoClient.put(service, positions.toArray()));
    }

    List<IncidentFacts> all() {
        return all;
    }

    /** What availability reads of the incidents, by the same positions as {@link Selection#positions()}. */
    ImpactTable impacts() {
        return impacts;
    }

    /** The incidents that name the client, by start; empty when none does. */
    Selection naming(String clientKey) {
        return new Selection(all, namingClient.getOrDefault(clientKey, NONE));
    }

    /** The incidents affecting the client under a contract covering {@code coveredServices}, each once, by start. */
    Selection affecting(String clientKey, Collection<String> coveredServices) {
        return new Selection(all, merge(naming(clientKey).positions, coveredServices, position -> true));
    }

    /**
     * The incidents affecting a client, from those naming it ({@link #naming}) and the services its contract
     * covers, that belong on its page for the {@code measured} window ({@link SlaMonth#concerns}): each once,
     * by start. Two clients named by the same incidents and covering the same services get the same ones.
     */
    Selection concerning(Selection naming, Collection<String> coveredServices, TimeWindow measured, Instant asOf) {
        long measuredStart = Micros.of(measured.start());
        long measuredEnd = Micros.of(measured.end());
        boolean asOfAfterStart = ceilingMicros(asOf) > measuredStart;
        return new Selection(all, merge(naming.positions, coveredServices,
                position -> concerns(position, measuredStart, measuredEnd, asOfAfterStart)));
    }

    /**
     * {@link SlaMonth#concerns} on microseconds: the impact starts in {@code [measuredStart, measuredEnd)}, or
     * starts before its end and ends after its start (an ongoing one's at asOf). The window's bounds are whole
     * microseconds, so an instant is before one when its microseconds rounded down are, and after one when
     * rounded up: the answer is that of the rule on the instants themselves, to the nanosecond.
     */
    private boolean concerns(int position, long measuredStart, long measuredEnd, boolean asOfAfterStart) {
        long start = startMicros[position];
        if (start >= measuredStart && start < measuredEnd) {
            return true;
        }
        return start < measuredEnd && (ongoing[position] ? asOfAfterStart : impactEndCeilingMicros[position] > measuredStart);
    }

    private static long ceilingMicros(Instant instant) {
        return Micros.of(instant) + (instant.getNano() % 1_000 == 0 ? 0 : 1);
    }

    /**
     * The positions naming the client and those of the covered services' incidents naming no client, merged
     * into one sorted array with each position once (one naming no client but two covered services is in two
     * arrays, and a service listed twice is merged twice), keeping those {@code keep} accepts.
     */
    private int[] merge(int[] naming, Collection<String> coveredServices, IntPredicate keep) {
        List<int[]> lists = new ArrayList<>(coveredServices.size() + 1);
        int total = naming.length;
        lists.add(naming);
        for (String service : coveredServices) {
            int[] positions = byServiceNamingNoClient.getOrDefault(service, NONE);
            lists.add(positions);
            total += positions.length;
        }
        int[] merged = new int[total];
        int count = 0;
        int[] next = new int[lists.size()];
        while (true) {
            int smallest = Integer.MAX_VALUE;
            for (int i = 0; i < next.length; i++) {
                if (next[i] < lists.get(i).length) {
                    smallest = Math.min(smallest, lists.get(i)[next[i]]);
                }
            }
            if (smallest == Integer.MAX_VALUE) {
                return Arrays.copyOf(merged, count);
            }
            for (int i = 0; i < next.length; i++) {
                if (next[i] < lists.get(i).length && lists.get(i)[next[i]] == smallest) {
                    next[i]++;
                }
            }
            if (keep.test(smallest)) {
                merged[count++] = smallest;
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

    /**
     * Some of the index's incidents, by start: an unmodifiable list that also knows their positions. Equal
     * to any list of the same incidents, as lists are.
     */
    static final class Selection extends AbstractList<IncidentFacts> implements RandomAccess {
        private final List<IncidentFacts> all;
        private final int[] positions;

        private Selection(List<IncidentFacts> all, int[] positions) {
            this.all = all;
            this.positions = positions;
        }

        @Override
        public IncidentFacts get(int index) {
            return all.get(positions[index]);
        }

        @Override
        public int size() {
            return positions.length;
        }

        /** The incidents' positions in the index, ascending; not to be changed. */
        int[] positions() {
            return positions;
        }
    }

    /**
     * A growing array of positions, to file an incident under its clients or services without boxing; an
     * incident naming a key twice is filed once.
     */
    private static final class PositionsBuilder {
        private int[] positions = new int[8];
        private int size;

        void add(int position) {
            if (size > 0 && positions[size - 1] == position) {
                return;
            }
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, 2 * size);
            }
            positions[size++] = position;
        }

        int[] toArray() {
            return Arrays.copyOf(positions, size);
        }
    }
}
