package com.slaledger.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
     * be total, e.g. earliest start, then id), then the position in {@code intervals}.
     * Weight-zero intervals never win. O(n log n): the intervals are ranked once, then swept
     * by {@link HeaviestSweep}.
     */
    public static <T> List<WeightedInterval<T>> heaviestUnion(
            List<WeightedInterval<T>> intervals, Comparator<? super T> tieBreak) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            WeightedInterval<T> piece = intervals.get(i);
            if (!piece.interval().isEmpty() && piece.weight().signum() > 0) {
                candidates.add(i);
            }
        }
        // Rank by precedence: heaviest first, then the tie-break, then the position (the sort is stable).
        List<Integer> byPrecedence = new ArrayList<>(candidates);
        byPrecedence.sort(Comparator
                .comparing((Integer i) -> intervals.get(i).weight(), Comparator.reverseOrder())
                .thenComparing(i -> intervals.get(i).owner(), tieBreak));
        long[] rank = new long[intervals.size()];
        for (int r = 0; r < byPrecedence.size(); r++) {
            rank[byPrecedence.get(r)] = r;
        }

        candidates.sort(Comparator.comparingLong(i -> intervals.get(i).interval().startMicros()));
        int n = candidates.size();
        long[] starts = new long[n];
        long[] ends = new long[n];
        long[] precedence = new long[n];
        for (int k = 0; k < n; k++) {
            Interval interval = intervals.get(candidates.get(k)).interval();
            starts[k] = interval.startMicros();
            ends[k] = interval.endMicros();
            precedence[k] = rank[candidates.get(k)];
        }

        HeaviestSweep.Pieces pieces = HeaviestSweep.sweep(starts, ends, precedence);
        List<WeightedInterval<T>> union = new ArrayList<>(pieces.count());
        for (int p = 0; p < pieces.count(); p++) {
            WeightedInterval<T> winner = intervals.get(candidates.get(pieces.winners()[p]));
            union.add(new WeightedInterval<>(new Interval(pieces.starts()[p], pieces.ends()[p]),
                    winner.weight(), winner.owner()));
        }
        return union;
    }
}
