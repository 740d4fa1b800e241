package com.slaledger.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A half-open window of time {@code [start, end)}: a report month, a maintenance window,
 * an outage. Instants are truncated to microseconds on the way in, so a window built from
 * Java's nanosecond clock measures the same as one read back from PostgreSQL.
 */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        start = Micros.truncate(start);
        end = Micros.truncate(end);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("window end " + end + " is before its start " + start);
        }
    }

    public static TimeWindow of(Instant start, Instant end) {
        return new TimeWindow(start, end);
    }

    /**
     * A calendar month as the client lives it: from midnight on the first in {@code zone} to
     * midnight on the first of the next month, so DST months are an hour shorter or longer.
     */
    public static TimeWindow month(YearMonth month, ZoneId zone) {
        return new TimeWindow(month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    static TimeWindow of(Interval interval) {
        return new TimeWindow(Micros.toInstant(interval.startMicros()), Micros.toInstant(interval.endMicros()));
    }

    public Interval toInterval() {
        return new Interval(Micros.of(start), Micros.of(end));
    }

    public long lengthMicros() {
        return toInterval().lengthMicros();
    }

    public BigDecimal lengthSeconds() {
        return Micros.toSeconds(lengthMicros());
    }

    public boolean isEmpty() {
        return start.equals(end);
    }

    /** Whether {@code instant} lies in {@code [start, end)}. */
    public boolean contains(Instant instant) {
        long at = Micros.of(instant);
        return at >= Micros.of(start) && at < Micros.of(end);
    }

    /** The common part of two windows; empty when they do not overlap. */
    public Optional<TimeWindow> intersect(TimeWindow other) {
        Instant latestStart = start.isAfter(other.start) ? start : other.start;
        Instant earliestEnd = end.isBefore(other.end) ? end : other.end;
        return earliestEnd.isAfter(latestStart)
                ? Optional.of(new TimeWindow(latestStart, earliestEnd))
                : Optional.empty();
    }

    /**
     * The part of this window in which a contract is in force: from midnight on
     * {@code effectiveFrom} (inclusive) to midnight on {@code effectiveTo} (exclusive; null
     * for open-ended), both dates in the client's zone. Empty when the contract does not
     * cover any of it.
     */
    public Optional<TimeWindow> clipToContract(LocalDate effectiveFrom, LocalDate effectiveTo, ZoneId zone) {
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException(
                    "contract effectiveTo " + effectiveTo + " is before effectiveFrom " + effectiveFrom);
        }
        Instant contractStart = effectiveFrom.atStartOfDay(zone).toInstant();
        Instant clippedStart = contractStart.isAfter(start) ? contractStart : start;
        Instant clippedEnd = end;
        if (effectiveTo != null && effectiveTo.atStartOfDay(zone).toInstant().isBefore(end)) {
            clippedEnd = effectiveTo.atStartOfDay(zone).toInstant();
        }
        return clippedEnd.isAfter(clippedStart)
                ? Optional.of(new TimeWindow(clippedStart, clippedEnd))
                : Optional.empty();
    }

    /**
     * This window measured up to {@code asOf}: a window that reaches past {@code asOf} is cut
     * there and marked provisional, since the rest has not happened yet.
     */
    public MeasuredWindow measuredAsOf(Instant asOf) {
        Instant cutAt = Micros.truncate(asOf);
        if (!cutAt.isBefore(end)) {
            return new MeasuredWindow(this, false);
        }
        Instant measuredEnd = cutAt.isAfter(start) ? cutAt : start;
        return new MeasuredWindow(new TimeWindow(start, measuredEnd), true);
    }
}
