package com.slaledger.web;

import com.slaledger.platform.InputLimits;
import com.slaledger.platform.ProblemException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The {@code month} parameter of the month pages: {@code YYYY-MM}, or the current month at UTC when absent.
 * A month that has started nowhere yet is refused: its figures would read as a perfect, final month.
 */
final class PageMonths {

    /** The earliest zone (UTC+14) starts a month this long before UTC does. */
    private static final int EARLIEST_ZONE_HOURS = 14;

    private PageMonths() {
    }

    static YearMonth parse(String month, Instant now) {
        if (month == null || month.isBlank()) {
            return current(now);
        }
        YearMonth parsed = InputLimits.month(month)
                .orElseThrow(() -> ProblemException.badParameter("month", "must be " + InputLimits.monthRange()));
        if (parsed.isAfter(latestStarted(now))) {
            throw new ProblemException(404, "Not started yet", parsed + " has not started yet: there is nothing to"
                    + " report. The latest month is " + latestStarted(now) + ".", List.of());
        }
        return parsed;
    }

    static YearMonth current(Instant now) {
        return YearMonth.from(now.atOffset(ZoneOffset.UTC));
    }

    /** The last month that is over in every zone: the one before the current month at UTC. */
    static YearMonth lastClosed(Instant now) {
        return current(now).minusMonths(1);
    }

    /** The latest month that has begun somewhere on Earth. */
    static YearMonth latestStarted(Instant now) {
        return YearMonth.from(now.atOffset(ZoneOffset.ofHours(EARLIEST_ZONE_HOURS)));
    }

    /**
     * The month picker's neighbours of {@code month}: null where the step would leave {@code [first, last]}
     * (either bound null: open on that side).
     */
    record Nav(YearMonth month, YearMonth previous, YearMonth next) {

        static Nav of(YearMonth month, YearMonth first, YearMonth last) {
            YearMonth previous = month.minusMonths(1);
            YearMonth next = month.plusMonths(1);
            return new Nav(month, first != null && previous.isBefore(first) ? null : previous,
                    last != null && next.isAfter(last) ? null : next);
        }
    }
}
