package com.slaledger.analytics;

import java.util.Arrays;

/**
 * The sweep behind the heaviest union of SPEC.md "Availability" step 5, on flat arrays: at every instant
 * only the winning active interval counts. Instants are {@code long} microseconds and the contest is decided
 * by one {@code long} key per interval, so the sweep allocates nothing per boundary: it walks the intervals
 * in order of start and keeps the active ones in a binary heap ordered by key. An interval that has ended
 * stays in the heap until it would win, and is dropped then (it can never win again). O(n log n).
 */
final class HeaviestSweep {

    private HeaviestSweep() {
    }

    /**
     * Disjoint pieces in time order: piece {@code p < count} is {@code [starts[p], ends[p])}, won by the
     * interval numbered {@code winners[p]}. Two pieces won by the same interval never touch (they are one).
     */
    record Pieces(int count, long[] starts, long[] ends, int[] winners) {
    }

    /**
     * @param starts     the intervals' starts in microseconds, in non-decreasing order: interval {@code k}
     *                   is {@code [starts[k], ends[k])}
     * @param ends       their ends; an empty interval ({@code end ≤ start}) never wins
     * @param precedence one distinct key per interval: where several are active, the lowest key wins
     * @throws IllegalArgumentException when the arrays differ in length or the starts are not sorted
     */
    static Pieces sweep(long[] starts, long[] ends, long[] precedence) {
        int n = starts.length;
        if (ends.length != n || precedence.length != n) {
            throw new IllegalArgumentException("starts, ends and precedence must have one entry per interval");
        }
        for (int k = 1; k < n; k++) {
            if (starts[k] < starts[k - 1]) {
                throw new IllegalArgumentException("starts must be in non-decreasing order");
            }
        }
        // Every piece ends at some interval's start or end, so there are fewer than 2n of them.
        long[] pieceStarts = new long[2 * n];
        long[] pieceEnds = new long[2 * n];
        int[] winners = new int[2 * n];
        int count = 0;

        ActiveIntervals active = new ActiveIntervals(precedence);
        int nextStart = 0;
        long now = Long.MIN_VALUE;
        while (nextStart < n || !active.isEmpty()) {
            if (active.isEmpty()) {
                now = starts[nextStart];
            }
            while (nextStart < n && starts[nextStart] <= now) {
                active.add(nextStart++);
            }
            while (!active.isEmpty() && ends[active.best()] <= now) {
                active.removeBest();
            }
            if (active.isEmpty()) {
                continue;
            }
            // The winner holds until it ends or until an interval that might beat it starts.
            int winner = active.best();
            long until = nextStart < n ? Math.min(ends[winner], starts[nextStart]) : ends[winner];
            if (count > 0 && winners[count - 1] == winner && pieceEnds[count - 1] == now) {
                pieceEnds[count - 1] = until;
            } else {
                pieceStarts[count] = now;
                pieceEnds[count] = until;
                winners[count] = winner;
                count++;
            }
            now = until;
        }
        return new Pieces(count, pieceStarts, pieceEnds, winners);
    }

    /** A binary min-heap of interval numbers, ordered by their precedence keys. */
    private static final class ActiveIntervals {
        private final long[] precedence;
        private int[] heap = new int[16];
        private int size;

        ActiveIntervals(long[] precedence) {
            this.precedence = precedence;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int best() {
            return heap[0];
        }

        void add(int interval) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, 2 * size);
            }
            int child = size++;
            while (child > 0) {
                int parent = (child - 1) / 2;
                if (precedence[heap[parent]] <= precedence[interval]) {
                    break;
                }
                heap[child] = heap[parent];
                child = parent;
            }
            heap[child] = interval;
        }

        void removeBest() {
            int last = heap[--size];
            int parent = 0;
            while (true) {
                int child = 2 * parent + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && precedence[heap[child + 1]] < precedence[heap[child]]) {
                    child++;
                }
                if (precedence[last] <= precedence[heap[child]]) {
                    break;
                }
                heap[parent] = heap[child];
                parent = child;
            }
            heap[parent] = last;
        }
    }
}
