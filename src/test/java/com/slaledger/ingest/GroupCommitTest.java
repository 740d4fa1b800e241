package com.slaledger.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Group commit without a database: every item is written once, in some group, and gets its own result. */
class GroupCommitTest {

    @Test
    void twoHundredItemsFromSixteenThreadsAreEachWrittenOnceAndGroupedWhileAGroupIsBeingWritten()
            throws Exception {
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger writing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        GroupCommit<Integer, String> commit = new GroupCommit<>(items -> {
            mostAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
            groups.add(List.copyOf(items));
            sleep(3); // a transaction's round trips: others queue up meanwhile
            writing.decrementAndGet();
            return items.stream().map(i -> "written " + i).toList();
        }, item -> 1, 50, 2);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int item = i;
            results.add(threads.submit(() -> commit.submit(item)));
        }
        for (int i = 0; i < 200; i++) {
            assertEquals("written " + i, results.get(i).get(30, TimeUnit.SECONDS));
        }
        threads.shutdown();

        List<Integer> written = groups.stream().flatMap(List::stream).sorted().toList();
        assertEquals(200, written.size(), "each item written once");
        assertEquals(199, written.get(199));
        assertTrue(mostAtOnce.get() <= 2, "at most two groups (lanes) at a time: " + mostAtOnce.get());
        assertTrue(groups.stream().allMatch(g -> g.size() <= 50), "a group stops at its weight");
        assertTrue(groups.size() < 200, "16 senders and a 3 ms write make groups of more than one: " + groups.size());
    }

    @Test
    void aLoneSubmitterWritesItsOwnItemAtOnce() {
        List<List<String>> groups = new ArrayList<>();
        GroupCommit<String, Integer> commit = new GroupCommit<>(items -> {
            groups.add(items);
            return items.stream().map(String::length).toList();
        }, item -> 1, 10, 2);
        assertEquals(5, commit.submit("alert"));
        assertEquals(3, commit.submit("ack"));
        assertEquals(List.of(List.of("alert"), List.of("ack")), groups);
    }

    @Test
    void whatTheWriteThrowsReachesEverySubmitterOfTheGroupAndTheNextGroupStillWorks() {
        GroupCommit<String, String> commit = new GroupCommit<>(items -> {
            if (items.contains("bad")) {
                throw new IllegalStateException("database gone");
            }
            return items;
        }, item -> 1, 10, 2);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> commit.submit("bad"));
        assertEquals("database gone", thrown.getMessage());
        assertEquals("good", commit.submit("good"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
