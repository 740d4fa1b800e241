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
        BigDecimal[] weights = new BigDecimal[incidents.size()];
        Interval[] clipped = new Interval[incidents.size()];
        List<Integer> counted = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            IncidentImpact incident = incidents.get(i);
            if (!incident.excluded()) {
                weights[i] = impactModel.weight(incident.impactPercent());
                clipped[i] = incident.impactInterval(asOf).clip(w);
                if (weights[i].signum() > 0 && !clipped[i].isEmpty()) {
                    counted.add(i);
                }
            }
        }
        // Clipping to the window keeps the order of startedAt, so this is also the order of the clipped starts.
        counted.sort(Comparator.comparing((Integer i) -> incidents.get(i).startedAt())
                .thenComparing(i -> incidents.get(i).incidentId()));
        int n = counted.size();
        long[] starts = new long[n];
        long[] ends = new long[n];
        for (int k = 0; k < n; k++) {
            starts[k] = clipped[counted.get(k)].startMicros();
            ends[k] = clipped[counted.get(k)].endMicros();
        }
        long[] weightUnits = weightUnits(counted, weights);

        // 4 and 5. One sweep finds, at each instant, the heaviest active incident: the one whose weight counts
        //    there and who owns that downtime. Its pieces, merged where they touch, are the outage stretches;
        //    those long enough to count, outside maintenance, are the counted time.
        HeaviestSweep.Pieces heaviest = HeaviestSweep.sweep(starts, ends, heaviestFirst(counted, weights, weightUnits));
        IntervalSet stretches = stretchesOf(heaviest).withoutStretchesShorterThan(Micros.ofSeconds(minimumOutageSeconds));
        List<Interval> countedIntervals = stretches.minus(maintenance).intervals();

        // 5. D: the sum of each incident's weight times the counted time it owns.
        long[] ownedMicros = new long[n];
        int next = 0;
        for (int p = 0; p < heaviest.count(); p++) {
            long pieceStart = heaviest.starts()[p];
            long pieceEnd = heaviest.ends()[p];
            while (next < countedIntervals.size() && countedIntervals.get(next).endMicros() <= pieceStart) {
                next++;
            }
            for (int c = next; c < countedIntervals.size() && countedIntervals.get(c).startMicros() < pieceEnd; c++) {
                long overlapMicros = Math.min(pieceEnd, countedIntervals.get(c).endMicros())
                        - Math.max(pieceStart, countedIntervals.get(c).startMicros());
                ownedMicros[heaviest.winners()[p]] += overlapMicros;
            }
        }
        BigDecimal[] contributionSeconds = new BigDecimal[incidents.size()];
        Arrays.fill(contributionSeconds, BigDecimal.ZERO);
        BigDecimal downtimeMicros = weightUnits != null ? weightedMicros(weightUnits, ownedMicros) : BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            if (ownedMicros[k] > 0) {
                int i = counted.get(k);
                BigDecimal contributionMicros = weights[i].multiply(BigDecimal.valueOf(ownedMicros[k]));
                contributionSeconds[i] = Micros.toSeconds(contributionMicros);
                if (weightUnits == null) {
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

        List<DowntimeContribution> contributions = new ArrayList<>(incidents.size());
        for (int i = 0; i < incidents.size(); i++) {
            contributions.add(new DowntimeContribution(incidents.get(i).incidentId(), contributionSeconds[i]));
        }
        return new Availability(measured.window(), measured.provisional(), measuredMicros > 0,
                Micros.toSeconds(measuredMicros), Micros.toSeconds(maintenance.totalMicros()),
                Micros.toSeconds(downtimeMicros), availabilityPercent,
                stretches.intervals().stream().map(TimeWindow::of).toList(), contributions);
    }

    /**
     * The counted incidents' weights as whole numbers of {@value #WEIGHT_UNITS_PER_ONE}ths, in step 3's order,
     * or null when some weight is not one: every weight the impact models give for an impact percent with at
     * most 6 decimals (the stored precision, {@code numeric(9, 6)}) is, since {@code PROPORTIONAL} divides it
     * by 100. The null case keeps exact {@link BigDecimal} arithmetic.
     */
    private static long[] weightUnits(List<Integer> counted, BigDecimal[] weights) {
        long[] units = new long[counted.size()];
        for (int k = 0; k < units.length; k++) {
            BigDecimal scaled = weights[counted.get(k)].movePointRight(WEIGHT_DECIMALS);
            if (scaled.scale() > 0 && scaled.stripTrailingZeros().scale() > 0
                    || scaled.compareTo(BigDecimal.valueOf(WEIGHT_UNITS_PER_ONE)) > 0) {
                return null;
            }
            units[k] = scaled.longValueExact();
        }
        return units;
    }

    /**
     * Step 5's precedence as sweep keys, lowest first: heaviest, then step 3's order k. With whole weight
     * units the key is computed, the lightness {@code 10^8 − units} above k's 32 bits; otherwise the
     * incidents are sorted by weight (stably, so k still breaks ties) and the key is the rank.
     */
    private static long[] heaviestFirst(List<Integer> counted, BigDecimal[] weights, long[] weightUnits) {
        long[] precedence = new long[counted.size()];
        if (weightUnits != null) {
            for (int k = 0; k < precedence.length; k++) {
                precedence[k] = (WEIGHT_UNITS_PER_ONE - weightUnits[k]) << 32 | k;
            }
        } else {
            List<Integer> byWeight = new ArrayList<>();
            for (int k = 0; k < precedence.length; k++) {
                byWeight.add(k);
            }
            byWeight.sort(Comparator.comparing((Integer k) -> weights[counted.get(k)], Comparator.reverseOrder()));
            for (int rank = 0; rank < precedence.length; rank++) {
                precedence[byWeight.get(rank)] = rank;
            }
        }
        return precedence;
    }

    /** The union of the sweep's pieces: they are disjoint and sorted, so touching ones are merged in one pass. */
    private static IntervalSet stretchesOf(HeaviestSweep.Pieces pieces) {
        List<Interval> stretches = new ArrayList<>();
        int p = 0;
        while (p < pieces.count()) {
            long start = pieces.starts()[p];
            long end = pieces.ends()[p];
            while (++p < pieces.count() && pieces.starts()[p] == end) {
                end = pieces.ends()[p];
            }
            stretches.add(new Interval(start, end));
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
