package com.slaledger.testing;

import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Seeds for property tests that generate their cases from {@link java.util.Random}: a fixed run of
 * {@code count} seeds by default, so every build tries the same cases, or the single seed given as
 * {@code -Dproperty.seed=N} to replay a failure. A failing case names its seed and inputs.
 */
public final class Seeds {

    /** The first seed of the default run; seed i of a run is {@code FIRST + i}. */
    public static final long FIRST = 20_261_130L;

    private Seeds() {
    }

    /** The seeds of a run: the replayed one if {@code property.seed} is set, else {@code count} fixed ones. */
    public static LongStream of(int count) {
        String replay = System.getProperty("property.seed");
        if (replay != null && !replay.isBlank()) {
            return LongStream.of(Long.parseLong(replay.strip()));
        }
        return LongStream.range(FIRST, FIRST + count);
    }

    /** Runs one case; on failure the error says the seed, how to replay it, and the generated inputs. */
    public static void check(long seed, Supplier<String> inputs, Runnable property) {
        try {
            property.run();
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError("Property failed for seed " + seed + " (replay with -Dproperty.seed=" + seed
                    + "); inputs: " + inputs.get() + "; " + failure.getMessage(), failure);
        }
    }
}
