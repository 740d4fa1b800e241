package com.slaledger.analytics;

/**
 * A half-open stretch of time {@code [startMicros, endMicros)} in microseconds since the
 * epoch: the unit the interval algebra works on.
 */
public record Interval(long startMicros, long endMicros) {

    public Interval {
        if (endMicros < startMicros) {
            throw new IllegalArgumentException(
                    "interval end " + endMicros + " is before its start " + startMicros);
        }
    }

    public long lengthMicros() {
        return endMicros - startMicros;
    }

    public boolean isEmpty() {
        return endMicros == startMicros;
    }

    /** The common part, or an empty interval when the two do not overlap. */
    public Interval clip(Interval bounds) {
        long start = Math.max(startMicros, bounds.startMicros);
        long end = Math.min(endMicros, bounds.endMicros);
        return end <= start ? new Interval(start, start) : new Interval(start, end);
    }
}
