package com.slaledger.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Conversions between instants, microseconds since the epoch and seconds.
 *
 * <p>Microseconds because that is what PostgreSQL {@code timestamptz} keeps: a figure
 * computed here must not change after the incident has made a round trip to the database.
 */
public final class Micros {

    public static final long PER_SECOND = 1_000_000L;

    private Micros() {
    }

    /** Microseconds since the epoch, any finer part of the instant dropped. */
    public static long of(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return Math.addExact(Math.multiplyExact(truncated.getEpochSecond(), PER_SECOND),
                truncated.getNano() / 1_000L);
    }

    public static Instant toInstant(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }

    public static BigDecimal toSeconds(long micros) {
        return tidy(BigDecimal.valueOf(micros, 6));
    }

    /** Seconds from an exact (possibly weighted, hence fractional) number of microseconds. */
    public static BigDecimal toSeconds(BigDecimal micros) {
        return tidy(micros.movePointLeft(6));
    }

    public static long ofSeconds(long seconds) {
        return Math.multiplyExact(seconds, PER_SECOND);
    }

    /**
     * Drops trailing zeros but never writes an exponent, so {@code 1320.000000} becomes
     * {@code 1320} and not {@code 1.32E+3} in JSON and CSV.
     */
    public static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
