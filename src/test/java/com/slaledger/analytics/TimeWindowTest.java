package com.slaledger.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TimeWindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final TimeWindow JANUARY_BERLIN = TimeWindow.month(YearMonth.of(2024, 1), BERLIN);

    @Test
    void monthStartsAndEndsAtMidnightInTheClientsZone() {
        assertEquals(Instant.parse("2023-12-31T23:00:00Z"), JANUARY_BERLIN.start());
        assertEquals(Instant.parse("2024-01-31T23:00:00Z"), JANUARY_BERLIN.end());
    }

    @Test
    void march2024InBerlinLosesAnHourTo743Hours() {
        assertEquals(BigDecimal.valueOf(743L * 3600), TimeWindow.month(YearMonth.of(2024, 3), BERLIN).lengthSeconds());
    }

    @Test
    void october2024InBerlinGainsAnHourTo745Hours() {
        assertEquals(BigDecimal.valueOf(745L * 3600), TimeWindow.month(YearMonth.of(2024, 10), BERLIN).lengthSeconds());
    }

    @Test
    void november2024InNewYorkGainsAnHourTo721Hours() {
        assertEquals(BigDecimal.valueOf(721L * 3600), TimeWindow.month(YearMonth.of(2024, 11), NEW_YORK).lengthSeconds());
    }

    @Test
    void explicitRangeEndingBeforeItStartsIsRejected() {
        Instant start = Instant.parse("2024-01-02T00:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.of(start, start.minusNanos(1000)));
    }

    @Test
    void instantsAreTruncatedToMicroseconds() {
        TimeWindow window = TimeWindow.of(Instant.parse("2024-01-01T00:00:00.123456789Z"),
                Instant.parse("2024-01-01T00:00:01.999999999Z"));
        assertEquals(Instant.parse("2024-01-01T00:00:00.123456Z"), window.start());
        assertEquals(1_876_543L, window.lengthMicros());
        assertEquals(new BigDecimal("1.876543"), window.lengthSeconds());
    }

    @Test
    void containsIsHalfOpen() {
        assertTrue(JANUARY_BERLIN.contains(JANUARY_BERLIN.start()));
        assertFalse(JANUARY_BERLIN.contains(JANUARY_BERLIN.end()));
    }

    @Test
    void intersectionOfOverlappingWindowsIsTheirCommonPartAndOfTouchingOnesIsEmpty() {
        TimeWindow first = TimeWindow.of(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z"));
        TimeWindow second = TimeWindow.of(Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-05T00:00:00Z"));
        TimeWindow third = TimeWindow.of(Instant.parse("2024-01-05T00:00:00Z"), Instant.parse("2024-01-06T00:00:00Z"));
        assertEquals(Optional.of(TimeWindow.of(Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z"))),
                first.intersect(second));
        assertEquals(Optional.empty(), second.intersect(third));
    }

    @Test
    void contractStartingMidMonthClipsTheWindowAtMidnightOfItsFirstDayInTheClientsZone() {
        Optional<TimeWindow> clipped = JANUARY_BERLIN.clipToContract(LocalDate.of(2024, 1, 15), null, BERLIN);
        assertEquals(Optional.of(TimeWindow.of(Instant.parse("2024-01-14T23:00:00Z"),
                Instant.parse("2024-01-31T23:00:00Z"))), clipped);
    }

    @Test
    void contractEndingMidMonthClipsTheWindowAtMidnightOfItsExclusiveEndDate() {
        Optional<TimeWindow> clipped = JANUARY_BERLIN.clipToContract(
                LocalDate.of(2023, 6, 1), LocalDate.of(2024, 1, 10), BERLIN);
        assertEquals(Optional.of(TimeWindow.of(Instant.parse("2023-12-31T23:00:00Z"),
                Instant.parse("2024-01-09T23:00:00Z"))), clipped);
    }

    @Test
    void contractThatEndsBeforeTheWindowLeavesNothing() {
        assertEquals(Optional.empty(),
                JANUARY_BERLIN.clipToContract(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1), BERLIN));
    }

    @Test
    void contractThatStartsAfterAnOpenEndedWindowLeavesNothing() {
        assertEquals(Optional.empty(), JANUARY_BERLIN.clipToContract(LocalDate.of(2024, 3, 1), null, BERLIN));
    }

    @Test
    void contractWithEndBeforeStartIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> JANUARY_BERLIN.clipToContract(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 9), BERLIN));
    }

    @Test
    void windowReachingPastAsOfIsCutThereAndProvisional() {
        Instant asOf = Instant.parse("2024-01-10T12:00:00.000000999Z");
        MeasuredWindow measured = JANUARY_BERLIN.measuredAsOf(asOf);
        assertTrue(measured.provisional());
        assertEquals(TimeWindow.of(JANUARY_BERLIN.start(), Instant.parse("2024-01-10T12:00:00Z")), measured.window());
    }

    @Test
    void windowEndingExactlyAtAsOfIsComplete() {
        MeasuredWindow measured = JANUARY_BERLIN.measuredAsOf(JANUARY_BERLIN.end());
        assertFalse(measured.provisional());
        assertEquals(JANUARY_BERLIN, measured.window());
    }

    @Test
    void windowEntirelyAfterAsOfIsEmptyAndProvisional() {
        MeasuredWindow measured = JANUARY_BERLIN.measuredAsOf(Instant.parse("2023-06-01T00:00:00Z"));
        assertTrue(measured.provisional());
        assertEquals(0L, measured.window().lengthMicros());
        assertEquals(JANUARY_BERLIN.start(), measured.window().start());
    }
}
