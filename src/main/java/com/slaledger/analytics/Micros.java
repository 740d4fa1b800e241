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

    /**
     * Microseconds since the epoch, any finer part of the instant dropped (the nanosecond field is never
     * negative, so dividing it rounds towards the past, as {@code truncatedTo(MICROS)} does).
     *
     * @throws ArithmeticException beyond about 292,000 years from 1970
     */
    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano() / 1_000L);
    }

    /**
     * The instant with any finer part than a microsecond dropped: {@code toInstant(of(instant))}, but the
     * same object when it has none, as every instant read from PostgreSQL.
     *
     * @throws ArithmeticException beyond about 292,000 years from 1970
     */
    public static Instant truncate(Instant instant) {
        long micros = of(instant);
        return instant.getNano() % 1_000 == 0 ? instant : toInstant(micros);
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
