package com.slaledger.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Group commit: items submitted by concurrent request threads are written together, one transaction per
 * group, instead of one each. There is no writer thread of its own: a submitting thread that finds a free
 * lane becomes a leader, takes what is waiting (oldest first, up to {@code maxWeight}, at least one item)
 * and writes it; the others wait for their result, and take a lane in turn while their own item is still
 * waiting. Alone, a submitter writes its own item at once, so a quiet service adds no latency; under load,
 * groups grow by themselves while the previous ones are being written. Two lanes let one group compute
 * while another waits for the database.
 *
 * @param <T> an item to write
 * @param <R> its result; the writer returns one per item, in the order given
 */
final class GroupCommit<T, R> {

    private final ConcurrentLinkedQueue<Pending<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final Semaphore lanes;
    private final Function<List<T>, List<R>> writer;
    private final ToIntFunction<T> weight;
    private final int maxWeight;

    /**
     * @param writer    writes a group in one transaction and returns one result per item in order; what it
     *                  throws is thrown to every submitter of the group
     * @param weight    an item's share of a group (e.g. its number of incident events)
     * @param maxWeight a group stops growing once its items weigh this much
     * @param lanes     how many groups may be written at the same time
     */
    GroupCommit(Function<List<T>, List<R>> writer, ToIntFunction<T> weight, int maxWeight, int lanes) {
        this.lanes = new Semaphore(lanes);
        this.writer = writer;
        this.weight = weight;
        this.maxWeight = maxWeight;
    }

    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }

    /** Writes the item in some group and returns its result, or throws what the group's write threw. */
    R submit(T item) {
        Pending<T, R> own = new Pending<>(item, new CompletableFuture<>());
        waiting.add(own);
        while (true) {
            if (!own.result().isDone() && lanes.tryAcquire()) {
                try {
                    while (!own.result().isDone() && writeOneGroup()) {
                        // until this thread's own item is written, by this lane or another
                    }
                } finally {
                    lanes.release();
                }
            }
            try {
                return own.result().get(2, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                // the leader has not reached this item yet, or has just let go: try to lead
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a group commit", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Writes the next group; false when nothing was waiting. */
    private boolean writeOneGroup() {
        List<Pending<T, R>> group = new ArrayList<>();
        int total = 0;
        Pending<T, R> next;
        while (total < maxWeight && (next = waiting.poll()) != null) {
            group.add(next);
            total += Math.max(1, weight.applyAsInt(next.item()));
        }
        if (group.isEmpty()) {
            return false;
        }
        try {
            List<R> results = writer.apply(group.stream().map(Pending::item).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException | Error failure) {
            group.forEach(pending -> pending.result().completeExceptionally(failure));
        }
        return true;
    }
}
