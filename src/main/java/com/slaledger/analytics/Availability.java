package com.slaledger.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Availability of one client over one window, computed as in SPEC.md "Availability".
 *
 * @param measuredWindow      the window cut at {@code asOf}
 * @param provisional         the window reaches past {@code asOf}; figures may still change
 * @param measurable          false when maintenance covers the whole window ({@code |W∖M| = 0}):
 *                            nothing could be measured, and availability is then reported as
 *                            100 so that no breach or credit follows from an empty window
 * @param measuredSeconds     {@code |W∖M|}, the time the SLA was in play
 * @param maintenanceSeconds  announced maintenance inside the window, {@code |M ∩ W|}
 * @param downtimeSeconds     {@code D}, exact to the weighted microsecond
 * @param availabilityPercent {@code 100 · (1 − D/|W∖M|)}, floored to {@value Percent#EXACT_SCALE}
 *                            decimals, which keeps every comparison with a target exact
 * @param outageStretches     merged outages long enough to count (before maintenance is removed)
 * @param contributions       each incident's share of {@code D}, in the order given; zero for
 *                            excluded incidents, dropped stretches and time in maintenance
 */
public record Availability(TimeWindow measuredWindow, boolean provisional, boolean measurable,
                           BigDecimal measuredSeconds, BigDecimal maintenanceSeconds,
                           BigDecimal downtimeSeconds, BigDecimal availabilityPercent,
                           List<TimeWindow> outageStretches, List<DowntimeContribution> contributions) {

    /** Weights are exact in hundred-millionths: an impact percent's millionths, {@code 10^-6 %}. */
    static final int WEIGHT_DECIMALS = 8;
    static final long WEIGHT_UNITS_PER_ONE = 100_000_000L;
    /** Carry the hundred-millionths while one more term (below {@code 10^16}) cannot overflow them. */
    private static final long CARRY_AT = Long.MAX_VALUE - 10_000_000_000_000_000L;

    public Availability {
        outageStretches = List.copyOf(outageStretches);
        contributions = List.copyOf(contributions);
    }

    /** Floored to three decimals: {@code 99.950}, {@code 100.000}. */
    public String availabilityDisplay() {
        return Percent.display(availabilityPercent);
    }

    /**
     * @param window               step 1: the month or explicit range, already clipped to the contract
     * @param asOf                 the window is measured up to here; ongoing incidents run to here
     * @param announcedMaintenance step 2: the client's announced maintenance windows (any extent)
     * @param incidents            step 3: the incidents affecting the client; excluded ones are ignored
     * @param impactModel          the contract's weighting of partial impact
     * @param minimumOutageSeconds step 4: shorter outage stretches do not count (0 keeps all)
     */
    public static Availability measure(TimeWindow window, Instant asOf, List<TimeWindow> announcedMaintenance,
                                       List<IncidentImpact> incidents, ImpactModel impactModel,
                                       long minimumOutageSeconds) {
        int[] everyPosition = new int[incidents.size()];
        Arrays.setAll(everyPosition, p -> p);
        return measure(window, asOf, announcedMaintenance, ImpactTable.of(incidents), everyPosition, impactModel,
                minimumOutageSeconds);
    }

    /**
     * As {@link #measure(TimeWindow, Instant, List, List, ImpactModel, long)}, for the incidents of {@code table}
     * at {@code positions}: a report measuring many clients over the same incidents prepares them once and
     * gives each client's as positions. The contributions follow the order of {@code positions}.
     *
     * @param positions the incidents affecting the client, as positions in {@code table}, in any order; read only
     */
    public static Availability measure(TimeWindow window, Instant asOf, List<TimeWindow> announcedMaintenance,
                                       ImpactTable table, int[] positions, ImpactModel impactModel,
                                       long minimumOutageSeconds) {
        if (minimumOutageSeconds < 0) {
            throw new IllegalArgumentException("minimumOutageSeconds must not be negative: " + minimumOutageSeconds);
        }
        // 1. The window, cut at asOf.
        MeasuredWindow measured = window.measuredAsOf(asOf);
        Interval w = measured.window().toInterval();

        // 2. Maintenance within the window.
        IntervalSet maintenance = IntervalSet.ofWindows(announcedMaintenance).clip(w);
        long measuredMicros = w.lengthMicros() - maintenance.totalMicros();

        // 3. Each counted incident (not excluded, a positive weight, some time in the window) as an interval
        //    clipped to the window. They are numbered k in order of start, and that order is also the
        //    tie-break of step 5 between equal weights: earliest startedAt, then id, then the caller's order.
        ImpactTable.Weights weights = table.weights(impactModel);
        long asOfMicros = Micros.of(asOf);
        int[] counted = new int[positions.length];
        int n = 0;
        boolean wholeUnits = true;
        for (int i = 0; i < positions.length; i++) {
            int p = positions[i];
            if (!table.excluded(p) && weights.positive(p)
                    && Math.min(table.impactEndMicros(p, asOfMicros), w.endMicros())
                            > Math.max(table.startMicros(p), w.startMicros())) {
                counted[n++] = i;
                wholeUnits &= weights.units()[p] != ImpactTable.NOT_WHOLE_UNITS;
            }
        }
        counted = inStepThreeOrder(Arrays.copyOf(counted, n), positions, table);
        // Clipping to the window keeps the order of startedAt, so the clipped starts are in order too.
        long[] starts = new long[n];
        long[] ends = new long[n];
        for (int k = 0; k < n; k++) {
            int p = positions[counted[k]];
            starts[k] = Math.max(table.startMicros(p), w.startMicros());
            ends[k] = Math.min(table.impactEndMicros(p, asOfMicros), w.endMicros());
        }
        long[] weightUnits = null;
        if (wholeUnits) {
            weightUnits = new long[n];
            for (int k = 0; k < n; k++) {
                weightUnits[k] = weights.units()[positions[counted[k]]];
            }
        }
        BigDecimal[] countedWeights = new BigDecimal[n];
        for (int k = 0; k < n; k++) {
            countedWeights[k] = weights.exact()[positions[counted[k]]];
        }

        // 4 and 5. One sweep finds, at each instant, the heaviest active incident: the one whose weight counts
        //    there and who owns that downtime. Its pieces, merged where they touch, are the outage stretches;
        //    those long enough to count, outside maintenance, are the counted time.
        HeaviestSweep.Pieces heaviest = HeaviestSweep.sweep(starts, ends, heaviestFirst(countedWeights, weightUnits));
        IntervalSet stretches = stretchesOf(heaviest, Micros.ofSeconds(minimumOutageSeconds));
        List<Interval> countedIntervals = (maintenance.isEmpty() ? stretches : stretches.minus(maintenance)).intervals();

        // 5. D: the sum of each incident's weight times the counted time it owns.
        long[] ownedMicros = new long[n];
        int next = 0;
        for (int piece = 0; piece < heaviest.count(); piece++) {
            long pieceStart = heaviest.starts()[piece];
            long pieceEnd = heaviest.ends()[piece];
            while (next < countedIntervals.size() && countedIntervals.get(next).endMicros() <= pieceStart) {
                next++;
            }
            for (int c = next; c < countedIntervals.size() && countedIntervals.get(c).startMicros() < pieceEnd; c++) {
                long overlapMicros = Math.min(pieceEnd, countedIntervals.get(c).endMicros())
                        - Math.max(pieceStart, countedIntervals.get(c).startMicros());
                ownedMicros[heaviest.winners()[piece]] += overlapMicros;
            }
        }
        BigDecimal[] contributionSeconds = new BigDecimal[positions.length];
        Arrays.fill(contributionSeconds, BigDecimal.ZERO);
        BigDecimal downtimeMicros = weightUnits != null ? weightedMicros(weightUnits, ownedMicros) : BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            if (ownedMicros[k] > 0) {
                if (weightUnits != null) {
                    contributionSeconds[counted[k]] = weightedSeconds(weightUnits[k], ownedMicros[k]);
                } else {
                    BigDecimal contributionMicros = countedWeights[k].multiply(BigDecimal.valueOf(ownedMicros[k]));
                    contributionSeconds[counted[k]] = Micros.toSeconds(contributionMicros);
                    downtimeMicros = downtimeMicros.add(contributionMicros);
                }
            }
        }

        // 6. Availability over the time the SLA was in play.
        BigDecimal availabilityPercent = measuredMicros == 0
                ? Percent.HUNDRED
                : Micros.tidy(BigDecimal.valueOf(measuredMicros).subtract(downtimeMicros)
                        .multiply(Percent.HUNDRED)
                        .divide(BigDecimal.valueOf(measuredMicros), Percent.EXACT_SCALE, RoundingMode.FLOOR));

        DowntimeContribution[] contributions = new DowntimeContribution[positions.length];
        for (int i = 0; i < positions.length; i++) {
            contributions[i] = new DowntimeContribution(table.incidentId(positions[i]), contributionSeconds[i]);
        }
        TimeWindow[] outageStretches = new TimeWindow[stretches.intervals().size()];
        for (int s = 0; s < outageStretches.length; s++) {
            outageStretches[s] = TimeWindow.of(stretches.intervals().get(s));
        }
        return new Availability(measured.window(), measured.provisional(), measuredMicros > 0,
                Micros.toSeconds(measuredMicros), Micros.toSeconds(maintenance.totalMicros()),
                Micros.toSeconds(downtimeMicros), availabilityPercent,
                List.of(outageStretches), List.of(contributions));
    }

    /**
     * The counted incidents (indexes into {@code positions}, in the caller's order) in step 3's order, ties in
     * rank kept in the caller's order: usually they are already, as a report gives its incidents by start;
     * otherwise they are sorted by rank.
     */
    private static int[] inStepThreeOrder(int[] counted, int[] positions, ImpactTable table) {
        boolean inOrder = true;
        for (int k = 1; k < counted.length && inOrder; k++) {
            inOrder = table.orderRank(positions[counted[k - 1]]) <= table.orderRank(positions[counted[k]]);
        }
        if (inOrder) {
            return counted;
        }
        // the rank above the index in the 32 low bits: sorting the keys sorts by rank, then by the caller's order
        long[] keys = new long[counted.length];
        for (int k = 0; k < counted.length; k++) {
            keys[k] = (long) table.orderRank(positions[counted[k]]) << 32 | counted[k];
        }
        Arrays.sort(keys);
        int[] ordered = new int[counted.length];
        for (int k = 0; k < counted.length; k++) {
            ordered[k] = (int) keys[k];
        }
        return ordered;
    }

    /**
     * Step 5's precedence as sweep keys, lowest first: heaviest, then step 3's order k. With whole weight
     * units the key is computed, the lightness {@code 10^8 − units} above k's 32 bits; otherwise (units null)
     * the incidents are sorted by weight (stably, so k still breaks ties) and the key is the rank.
     */
    private static long[] heaviestFirst(BigDecimal[] weights, long[] weightUnits) {
        long[] precedence = new long[weights.length];
        if (weightUnits != null) {
            for (int k = 0; k < precedence.length; k++) {
                precedence[k] = (WEIGHT_UNITS_PER_ONE - weightUnits[k]) << 32 | k;
            }
        } else {
            List<Integer> byWeight = new ArrayList<>();
            for (int k = 0; k < precedence.length; k++) {
                byWeight.add(k);
            }
            byWeight.sort(Comparator.comparing((Integer k) -> weights[k], Comparator.reverseOrder()));
            for (int rank = 0; rank < precedence.length; rank++) {
                precedence[byWeight.get(rank)] = rank;
            }
        }
        return precedence;
    }

    /**
     * {@code units · micros} hundred-millionths of a microsecond, in seconds as {@link Micros#tidy} writes
     * them: the product in a {@code long} while it fits (a weight owning up to a day), trailing zeros of the
     * fraction dropped there, never into an exponent; exact {@link BigDecimal} beyond.
     */
    private static BigDecimal weightedSeconds(long units, long micros) {
        int scale = WEIGHT_DECIMALS + 6;
        if (micros > Long.MAX_VALUE / units) {
            return Micros.tidy(BigDecimal.valueOf(units).multiply(BigDecimal.valueOf(micros)).movePointLeft(scale));
        }
        long unscaled = units * micros;
        while (scale > 0 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        return BigDecimal.valueOf(unscaled, scale);
    }

    /**
     * Step 4: the union of the sweep's pieces without its stretches shorter than {@code minimumMicros} (one as
     * long as the minimum counts). The pieces are disjoint and sorted, so touching ones are merged in one pass.
     */
    private static IntervalSet stretchesOf(HeaviestSweep.Pieces pieces, long minimumMicros) {
        List<Interval> stretches = new ArrayList<>();
        int p = 0;
        while (p < pieces.count()) {
            long start = pieces.starts()[p];
            long end = pieces.ends()[p];
            while (++p < pieces.count() && pieces.starts()[p] == end) {
                end = pieces.ends()[p];
            }
            if (end - start >= minimumMicros) {
                stretches.add(new Interval(start, end));
            }
        }
        return new IntervalSet(stretches);
    }

    /**
     * {@code Σ units[k] · micros[k] / 10^8} exactly, in microseconds, without overflow: each {@code micros}
     * splits into {@code q · 10^8 + r}; the whole microseconds {@code units · q} (at most {@code micros},
     * as a weight is at most 1) and the hundred-millionths {@code units · r} (below {@code 10^16}) are added
     * in two {@code long}s, the latter carried into the former as it fills.
     */
    static BigDecimal weightedMicros(long[] units, long[] micros) {
        long wholeMicros = 0;
        long hundredMillionths = 0;
        for (int k = 0; k < units.length; k++) {
            if (micros[k] == 0) {
                continue;
            }
            wholeMicros = Math.addExact(wholeMicros, units[k] * (micros[k] / WEIGHT_UNITS_PER_ONE));
            hundredMillionths += units[k] * (micros[k] % WEIGHT_UNITS_PER_ONE);
            if (hundredMillionths >= CARRY_AT) {
                wholeMicros = Math.addExact(wholeMicros, hundredMillionths / WEIGHT_UNITS_PER_ONE);
                hundredMillionths %= WEIGHT_UNITS_PER_ONE;
            }
        }
        return BigDecimal.valueOf(wholeMicros).add(BigDecimal.valueOf(hundredMillionths, WEIGHT_DECIMALS));
    }
}
