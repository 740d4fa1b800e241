package com.slaledger.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The first implementation of the weighted sweep and of {@link Availability#measure}: tree maps of
 * boundaries and {@link BigDecimal} weights throughout. Slow but plainly right, it stays here as the
 * reference the flat {@code long} sweep is compared with on generated cases.
 */
final class TreeSweepReference {

    private TreeSweepReference() {
    }

    /** {@link WeightedInterval#heaviestUnion} as first written, with a tree set of the active intervals. */
    static <T> List<WeightedInterval<T>> heaviestUnion(List<WeightedInterval<T>> intervals,
                                                       Comparator<? super T> tieBreak) {
        record Candidate<T>(WeightedInterval<T> piece, int index) {
        }
        Comparator<Candidate<T>> precedence = Comparator
                .comparing((Candidate<T> c) -> c.piece().weight(), Comparator.reverseOrder())
                .thenComparing(c -> c.piece().owner(), tieBreak)
                .thenComparingInt(Candidate::index);

        TreeMap<Long, List<Candidate<T>>> starting = new TreeMap<>();
        TreeMap<Long, List<Candidate<T>>> ending = new TreeMap<>();
        TreeSet<Long> boundaries = new TreeSet<>();
        for (int i = 0; i < intervals.size(); i++) {
            WeightedInterval<T> piece = intervals.get(i);
            if (piece.interval().isEmpty() || piece.weight().signum() == 0) {
                continue;
            }
            Candidate<T> candidate = new Candidate<>(piece, i);
            starting.computeIfAbsent(piece.interval().startMicros(), k -> new ArrayList<>()).add(candidate);
            ending.computeIfAbsent(piece.interval().endMicros(), k -> new ArrayList<>()).add(candidate);
            boundaries.add(piece.interval().startMicros());
            boundaries.add(piece.interval().endMicros());
        }

        List<WeightedInterval<T>> union = new ArrayList<>();
        TreeSet<Candidate<T>> active = new TreeSet<>(precedence);
        Candidate<T> winner = null;
        long winnerSince = 0;
        for (long boundary : boundaries) {
            ending.getOrDefault(boundary, List.of()).forEach(active::remove);
            active.addAll(starting.getOrDefault(boundary, List.of()));
            Candidate<T> next = active.isEmpty() ? null : active.first();
            if (next != winner) {
                if (winner != null) {
                    union.add(new WeightedInterval<>(new Interval(winnerSince, boundary),
                            winner.piece().weight(), winner.piece().owner()));
                }
                winner = next;
                winnerSince = boundary;
            }
        }
        return union;
    }

    /** {@link Availability#measure} as first written, on {@link #heaviestUnion} and {@link BigDecimal} sums. */
    static Availability measure(TimeWindow window, Instant asOf, List<TimeWindow> announcedMaintenance,
                                List<IncidentImpact> incidents, ImpactModel impactModel, long minimumOutageSeconds) {
        MeasuredWindow measured = window.measuredAsOf(asOf);
        Interval w = measured.window().toInterval();
        IntervalSet maintenance = IntervalSet.ofWindows(announcedMaintenance).clip(w);
        long measuredMicros = w.lengthMicros() - maintenance.totalMicros();

        List<WeightedInterval<Integer>> impacts = new ArrayList<>();
        for (int i = 0; i < incidents.size(); i++) {
            IncidentImpact incident = incidents.get(i);
            if (!incident.excluded()) {
                impacts.add(new WeightedInterval<>(incident.impactInterval(asOf).clip(w),
                        impactModel.weight(incident.impactPercent()), i));
            }
        }
        IntervalSet stretches = IntervalSet.union(impacts.stream()
                        .filter(impact -> impact.weight().signum() > 0)
                        .map(WeightedInterval::interval)
                        .toList())
                .withoutStretchesShorterThan(Micros.ofSeconds(minimumOutageSeconds));
        IntervalSet counted = stretches.minus(maintenance);

        Comparator<Integer> earliestStartThenId = Comparator
                .comparing((Integer i) -> incidents.get(i).startedAt())
                .thenComparing(i -> incidents.get(i).incidentId());
        BigDecimal[] weightedMicros = new BigDecimal[incidents.size()];
        Arrays.fill(weightedMicros, BigDecimal.ZERO);
        List<Interval> countedIntervals = counted.intervals();
        int next = 0;
        for (WeightedInterval<Integer> piece : heaviestUnion(impacts, earliestStartThenId)) {
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
