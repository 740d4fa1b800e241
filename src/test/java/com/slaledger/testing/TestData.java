package com.slaledger.testing;

import java.util.concurrent.atomic.AtomicLong;

/** Unique keys per test, so tests share one database without seeing each other's rows. */
public final class TestData {

    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000);

    private TestData() {
    }

    public static String uniqueKey(String prefix) {
        return prefix + "-" + Long.toString(COUNTER.incrementAndGet(), 36);
    }
}
