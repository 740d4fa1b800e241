package com.slaledger.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An interval carrying a weight (the share of traffic an incident takes down) and the thing
 * it belongs to, usually an incident id.
 */
public record WeightedInterval<T>(Interval interval, BigDecimal weight, T owner) {

    public WeightedInterval {
        if (weight.signum() < 0) {
            throw new IllegalArgumentException("weight must not be negative: " + weight);
        }
    }

    /** Weight times length: the downtime this piece is worth, in exact microseconds. */
    public BigDecimal weightedMicros() {
        return weight.multiply(BigDecimal.valueOf(interval.lengthMicros()));
    }

    /**
     * Weighted union in which, at every instant, only the heaviest overlapping interval counts,
     * so overlapping incidents never count twice. Returns disjoint sorted pieces, each owned by
     * the interval that wins there; {@code tieBreak} decides between equal weights (it should
     * be total, e.g. earliest start, then id). Weight-zero intervals never win. O(n log n).
     */
    public static <T> List<WeightedInterval<T>> heaviestUnion(
            List<WeightedInterval<T>> intervals, Comparator<? super T> tieBreak) {
        record Candidate<T>(WeightedInterval<T> piece, int index) {
        }
        Comparator<Candidate<T>> precedence = Comparator
                .comparing((Candidate<T> c) -> c.piece().weight(), Comparator.reverseOrder())
                .thenComparing(c -> c.piece().owner(), tieBreak)
                .thenComparingInt(Candidate::index);

        // Each boundary lists the candidates that start and end there.
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
}
