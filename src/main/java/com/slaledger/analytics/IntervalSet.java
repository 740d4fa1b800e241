package com.slaledger.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A union of disjoint intervals, kept sorted. Intervals that overlap or touch are merged,
 * so {@code [09:00, 09:10)} and {@code [09:10, 09:20)} form one stretch: an outage handed
 * from one incident to the next is still one outage. Empty intervals are dropped.
 *
 * @param intervals sorted, disjoint, non-touching and non-empty
 */
public record IntervalSet(List<Interval> intervals) {

    public static final IntervalSet EMPTY = new IntervalSet(List.of());

    public IntervalSet {
        intervals = List.copyOf(intervals);
        for (int i = 0; i < intervals.size(); i++) {
            if (intervals.get(i).isEmpty()
                    || i > 0 && intervals.get(i).startMicros() <= intervals.get(i - 1).endMicros()) {
                throw new IllegalArgumentException(
                        "intervals must be sorted, disjoint and non-empty; use IntervalSet.union");
            }
        }
    }

    /** Merges any intervals, in any order, in O(n log n). */
    public static IntervalSet union(Collection<Interval> anyIntervals) {
        List<Interval> sorted = anyIntervals.stream()
                .filter(interval -> !interval.isEmpty())
                .sorted(Comparator.comparingLong(Interval::startMicros))
                .toList();
        List<Interval> merged = new ArrayList<>();
        long start = 0;
        long end = 0;
        boolean open = false;
        for (Interval interval : sorted) {
            if (open && interval.startMicros() <= end) {
                end = Math.max(end, interval.endMicros());
            } else {
                if (open) {
                    merged.add(new Interval(start, end));
                }
                start = interval.startMicros();
                end = interval.endMicros();
                open = true;
            }
        }
        if (open) {
            merged.add(new Interval(start, end));
        }
        return new IntervalSet(merged);
    }

    public static IntervalSet ofWindows(Collection<TimeWindow> windows) {
        return union(windows.stream().map(TimeWindow::toInterval).toList());
    }

    public boolean isEmpty() {
        return intervals.isEmpty();
    }

    public long totalMicros() {
        long total = 0;
        for (Interval interval : intervals) {
            total = Math.addExact(total, interval.lengthMicros());
        }
        return total;
    }

    public IntervalSet clip(Interval bounds) {
        List<Interval> clipped = new ArrayList<>();
        for (Interval interval : intervals) {
            Interval part = interval.clip(bounds);
            if (!part.isEmpty()) {
                clipped.add(part);
            }
        }
        return new IntervalSet(clipped);
    }

    /** The time in this set and in {@code other}, in O(n + m). */
    public IntervalSet intersect(IntervalSet other) {
        List<Interval> common = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < intervals.size() && j < other.intervals.size()) {
            Interval a = intervals.get(i);
            Interval b = other.intervals.get(j);
            Interval part = a.clip(b);
            if (!part.isEmpty()) {
                common.add(part);
            }
            if (a.endMicros() <= b.endMicros()) {
                i++;
            } else {
                j++;
            }
        }
        return new IntervalSet(common);
    }

    /** The time in this set but not in {@code removed} (e.g. outages outside maintenance), in O(n + m). */
    public IntervalSet minus(IntervalSet removed) {
        List<Interval> remaining = new ArrayList<>();
        int j = 0;
        for (Interval interval : intervals) {
            long cursor = interval.startMicros();
            while (j < removed.intervals.size() && removed.intervals.get(j).endMicros() <= cursor) {
                j++;
            }
            int k = j;
            while (k < removed.intervals.size() && removed.intervals.get(k).startMicros() < interval.endMicros()) {
                Interval hole = removed.intervals.get(k);
                if (hole.startMicros() > cursor) {
                    remaining.add(new Interval(cursor, hole.startMicros()));
                }
                cursor = Math.max(cursor, hole.endMicros());
                k++;
            }
            if (cursor < interval.endMicros()) {
                remaining.add(new Interval(cursor, interval.endMicros()));
            }
        }
        return new IntervalSet(remaining);
    }

    /**
     * Keeps the stretches at least {@code minimumMicros} long: the contract's minimum counted
     * outage. A stretch exactly as long as the minimum counts.
     */
    public IntervalSet withoutStretchesShorterThan(long minimumMicros) {
        return new IntervalSet(intervals.stream()
                .filter(interval -> interval.lengthMicros() >= minimumMicros)
                .toList());
    }
}
