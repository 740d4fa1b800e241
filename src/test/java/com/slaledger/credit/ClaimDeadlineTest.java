package com.slaledger.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ClaimDeadlineTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void januaryWithFifteenDaysEndsAtTheMidnightStartingTheSixteenthOfFebruary() {
        // month end 2024-02-01T00:00Z; + 15 days = 2024-02-16T00:00Z
        assertEquals(Instant.parse("2024-02-01T00:00:00Z"), ClaimDeadline.monthEnd(YearMonth.of(2024, 1), UTC));
        assertEquals(Instant.parse("2024-02-16T00:00:00Z"), ClaimDeadline.deadline(YearMonth.of(2024, 1), UTC, 15));
    }

    @Test
    void theDeadlineIsExclusiveToTheMicrosecond() {
        Instant deadline = ClaimDeadline.deadline(YearMonth.of(2024, 1), UTC, 15);
        assertTrue(ClaimDeadline.inTime(Instant.parse("2024-02-15T23:59:59.999999Z"), deadline));
        assertFalse(ClaimDeadline.inTime(Instant.parse("2024-02-16T00:00:00Z"), deadline));
    }

    @Test
    void aWindowAcrossTheSpringChangeEndsAtLocalMidnightSoItIsAnHourShorter() {
        // Berlin: February 2024 ends 2024-03-01T00:00+01:00 = 02-29T23:00Z. 30 days later is local midnight
        // 2024-03-31T00:00+01:00 = 03-30T23:00Z (the clocks go forward at 02:00 that morning, after it).
        // 31 days: 2024-04-01T00:00+02:00 = 03-31T22:00Z, 31 * 24 - 1 = 743 hours after the close.
        YearMonth february = YearMonth.of(2024, 2);
        Instant close = ClaimDeadline.monthEnd(february, BERLIN);
        assertEquals(Instant.parse("2024-02-29T23:00:00Z"), close);
        assertEquals(Instant.parse("2024-03-30T23:00:00Z"), ClaimDeadline.deadline(february, BERLIN, 30));
        Instant deadline = ClaimDeadline.deadline(february, BERLIN, 31);
        assertEquals(Instant.parse("2024-03-31T22:00:00Z"), deadline);
        assertEquals(743, ChronoUnit.HOURS.between(close, deadline));
    }

    @Test
    void aDecemberWindowRunsIntoTheNextYear() {
        // 2024-12 closes 2025-01-01T00:00 Tokyo (= 2024-12-31T15:00Z); 366 days later is 2026-01-02T00:00+09:00
        assertEquals(Instant.parse("2026-01-01T15:00:00Z"),
                ClaimDeadline.deadline(YearMonth.of(2024, 12), ZoneId.of("Asia/Tokyo"), 366));
    }

    @Test
    void aWindowHasAtLeastOneDay() {
        assertThrows(IllegalArgumentException.class, () -> ClaimDeadline.deadline(YearMonth.of(2024, 1), UTC, 0));
    }
}
