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

        // 3. Each counted incident as a weighted interval clipped to the window; the owner is
        //    the incident's position so that contributions come back in the caller's order.
        List<WeightedInterval<Integer>> impacts = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            IncidentImpact incident = incidents.get(i);
            if (!incident.excluded()) {
                impacts.add(new WeightedInterval<>(incident.impactInterval(asOf).clip(w),
                        impactModel.weight(incident.impactPercent()), i));
            }
        }

        // 4. Outage stretches long enough to count.
        IntervalSet stretches = IntervalSet.union(impacts.stream()
                        .filter(impact -> impact.weight().signum() > 0)
                        .map(WeightedInterval::interval)
                        .toList())
                .withoutStretchesShorterThan(Micros.ofSeconds(minimumOutageSeconds));
        IntervalSet counted = stretches.minus(maintenance);

        // 5. D: at each instant the heaviest active incident counts, and owns that downtime.
        Comparator<Integer> earliestStartThenId = Comparator
                .comparing((Integer i) -> incidents.get(i).startedAt())
                .thenComparing(i -> incidents.get(i).incidentId());
        BigDecimal[] weightedMicros = new BigDecimal[incidents.size()];
        Arrays.fill(weightedMicros, BigDecimal.ZERO);
        List<WeightedInterval<Integer>> heaviest = WeightedInterval.heaviestUnion(impacts, earliestStartThenId);
        List<Interval> countedIntervals = counted.intervals();
        int next = 0;
        for (WeightedInterval<Integer> piece : heaviest) {
            while (next < countedIntervals.size()
                    && countedIntervals.get(next).endMicros() <= piece.interval().startMicros()) {
                next++;
            }
            for (int k = next; k < countedIntervals.size()
                    && countedIntervals.get(k).startMicros() < piece.interval().endMicros(); k++) {
                long overlapMicros = piece.interval().clip(countedIntervals.get(k)).lengthMicros();
                weightedMicros[piece.owner()] = weightedMicros[piece.owner()]
                        .add(piece.weight().multiply(BigDecimal.valueOf(overlapMicros)));
            }
        }
        BigDecimal downtimeMicros = Arrays.stream(weightedMicros).reduce(BigDecimal.ZERO, BigDecimal::add);

        // 6. Availability over the time the SLA was in play.
        BigDecimal availabilityPercent = measuredMicros == 0
                ? Percent.HUNDRED
                : Micros.tidy(BigDecimal.valueOf(measuredMicros).subtract(downtimeMicros)
                        .multiply(Percent.HUNDRED)
                        .divide(BigDecimal.valueOf(measuredMicros), Percent.EXACT_SCALE, RoundingMode.FLOOR));

        List<DowntimeContribution> contributions = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            contributions.add(new DowntimeContribution(incidents.get(i).incidentId(),
                    Micros.toSeconds(weightedMicros[i])));
        }
        return new Availability(measured.window(), measured.provisional(), measuredMicros > 0,
                Micros.toSeconds(measuredMicros), Micros.toSeconds(maintenance.totalMicros()),
                Micros.toSeconds(downtimeMicros), availabilityPercent,
                stretches.intervals().stream().map(TimeWindow::of).toList(), contributions);
    }
}
