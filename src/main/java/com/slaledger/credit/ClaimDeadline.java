package com.slaledger.credit;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * When a month closes and when its credit's claim window ends, in the client's zone (docs/credit-claims.md).
 * A month {@code M} closes at the first midnight of {@code M + 1} in the zone. A claim window of {@code N} days
 * ends at the midnight that starts day {@code N + 1} of {@code M + 1}: January with 15 days ends at
 * {@code 02-16T00:00} local, so the whole of 15 February is still in time. The deadline is exclusive: a claim
 * at the deadline minus one microsecond is in time, a claim at the deadline is late. Days are calendar days
 * of the zone, so a window across a DST change ends at local midnight, not 24-hour multiples after the close.
 */
public final class ClaimDeadline {

    private ClaimDeadline() {
    }

    /** The instant {@code month} ends in {@code zone}: the first midnight of the next month. */
    public static Instant monthEnd(YearMonth month, ZoneId zone) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first instant at which a claim for {@code month} is late, with a window of {@code windowDays} days. */
    public static Instant deadline(YearMonth month, ZoneId zone, int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("a claim window has at least one day, not " + windowDays);
        }
        return month.plusMonths(1).atDay(1).plusDays(windowDays).atStartOfDay(zone).toInstant();
    }

    /** Whether a claim made at {@code claimedAt} is in time: strictly before the deadline. */
    public static boolean inTime(Instant claimedAt, Instant deadline) {
        return claimedAt.isBefore(deadline);
    }
}
