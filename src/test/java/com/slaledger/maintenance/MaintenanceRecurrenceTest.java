package com.slaledger.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.maintenance.MaintenanceRecurrence.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Every Sunday 02:00-04:00 Europe/Berlin" across both DST changes of 2024, every instant worked out by hand. */
class MaintenanceRecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** DTSTART: Sunday 2024-03-24 02:00 CET (+01:00) = 01:00Z; 2 hours long. */
    private static final Instant FIRST_START = Instant.parse("2024-03-24T01:00:00Z");
    private static final Instant FIRST_END = Instant.parse("2024-03-24T03:00:00Z");

    private static MaintenanceRecurrence sundays(List<LocalDate> exceptions) throws Exception {
        return MaintenanceRecurrence.of("FREQ=WEEKLY;BYDAY=SU", BERLIN, FIRST_START, FIRST_END, exceptions);
    }

    private static long seconds(List<Occurrence> occurrences, Instant from, Instant to) {
        // the part of each occurrence inside [from, to); weekly 2-hour occurrences never overlap each other
        return occurrences.stream().mapToLong(o -> Duration.between(
                o.start().isBefore(from) ? from : o.start(), o.end().isAfter(to) ? to : o.end()).toSeconds()).sum();
    }

    @Test
    void springForwardNightStartsWithTheOffsetBeforeTheGapAndLastsTwoHours() throws Exception {
        // March 2024 in Berlin: [2024-02-29T23:00Z, 2024-03-31T22:00Z)
        Instant from = Instant.parse("2024-02-29T23:00:00Z");
        Instant to = Instant.parse("2024-03-31T22:00:00Z");
        List<Occurrence> march = sundays(List.of()).overlapping(from, to);
        // 24 Mar: 02:00 CET = 01:00Z to 03:00Z.
        // 31 Mar: 02:00 does not exist (clocks jump 02:00 CET -> 03:00 CEST); RFC 5545 3.3.5 reads it with the
        // offset before the gap, +01:00: 01:00Z (03:00 CEST). Exact 2 h: ends 03:00Z (05:00 CEST).
        assertEquals(List.of(
                new Occurrence(LocalDate.of(2024, 3, 24), FIRST_START, FIRST_END),
                new Occurrence(LocalDate.of(2024, 3, 31), Instant.parse("2024-03-31T01:00:00Z"),
                        Instant.parse("2024-03-31T03:00:00Z"))), march);
        // 7,200 + 7,200 = 14,400 s excluded in March
        assertEquals(14_400, seconds(march, from, to));
    }

    @Test
    void aStartInsideTheGapMovesByTheGap() throws Exception {
        // 02:30 on 2024-03-24 (CET) = 01:30Z; on 31 Mar 02:30 does not exist: +01:00 gives 01:30Z = 03:30 CEST
        MaintenanceRecurrence rule = MaintenanceRecurrence.of("FREQ=WEEKLY;BYDAY=SU", BERLIN,
                Instant.parse("2024-03-24T01:30:00Z"), Instant.parse("2024-03-24T02:00:00Z"), List.of());
        List<Occurrence> found = rule.overlapping(Instant.parse("2024-03-30T00:00:00Z"),
                Instant.parse("2024-04-01T00:00:00Z"));
        assertEquals(List.of(new Occurrence(LocalDate.of(2024, 3, 31), Instant.parse("2024-03-31T01:30:00Z"),
                Instant.parse("2024-03-31T02:00:00Z"))), found);
    }

    @Test
    void fallBackNightTakesTheFirstOfTheTwoTwoOClocks() throws Exception {
        // October 2024 in Berlin: [2024-09-30T22:00Z, 2024-10-31T23:00Z); Sundays 6, 13, 20 (CEST, +02:00) and 27
        Instant from = Instant.parse("2024-09-30T22:00:00Z");
        Instant to = Instant.parse("2024-10-31T23:00:00Z");
        List<Occurrence> october = sundays(List.of()).overlapping(from, to);
        assertEquals(List.of(
                new Occurrence(LocalDate.of(2024, 10, 6), Instant.parse("2024-10-06T00:00:00Z"),
                        Instant.parse("2024-10-06T02:00:00Z")),
                new Occurrence(LocalDate.of(2024, 10, 13), Instant.parse("2024-10-13T00:00:00Z"),
                        Instant.parse("2024-10-13T02:00:00Z")),
                new Occurrence(LocalDate.of(2024, 10, 20), Instant.parse("2024-10-20T00:00:00Z"),
                        Instant.parse("2024-10-20T02:00:00Z")),
                // 27 Oct: 02:00-03:00 happens twice (CEST then CET); the first, 02:00 CEST = 00:00Z, is taken.
                // Exact 2 h: ends 02:00Z (03:00 CET), not at the wall clock's 04:00 CET (03:00Z).
                new Occurrence(LocalDate.of(2024, 10, 27), Instant.parse("2024-10-27T00:00:00Z"),
                        Instant.parse("2024-10-27T02:00:00Z"))), october);
        // 4 x 7,200 = 28,800 s
        assertEquals(28_800, seconds(october, from, to));
    }

    @Test
    void anExceptionDateRemovesThatOccurrenceOnly() throws Exception {
        Instant from = Instant.parse("2024-09-30T22:00:00Z");
        Instant to = Instant.parse("2024-10-31T23:00:00Z");
        List<Occurrence> october = sundays(List.of(LocalDate.of(2024, 10, 13))).overlapping(from, to);
        assertEquals(List.of(LocalDate.of(2024, 10, 6), LocalDate.of(2024, 10, 20), LocalDate.of(2024, 10, 27)),
                october.stream().map(Occurrence::localDate).toList());
        // 3 x 7,200 = 21,600 s
        assertEquals(21_600, seconds(october, from, to));
    }

    @Test
    void anOccurrenceCutByTheWindowEdgeIsListedAndTheWindowStartIsHalfOpen() throws Exception {
        MaintenanceRecurrence rule = sundays(List.of());
        // [01:00Z, 03:00Z) on 24 Mar intersects [02:00Z, ...): listed
        assertEquals(1, rule.overlapping(Instant.parse("2024-03-24T02:00:00Z"),
                Instant.parse("2024-03-25T00:00:00Z")).size());
        // a window starting exactly at its end does not intersect it
        assertEquals(0, rule.overlapping(Instant.parse("2024-03-24T03:00:00Z"),
                Instant.parse("2024-03-25T00:00:00Z")).size());
        // nor one ending exactly at its start
        assertEquals(0, rule.overlapping(Instant.parse("2024-03-23T00:00:00Z"),
                Instant.parse("2024-03-24T01:00:00Z")).size());
    }

    @Test
    void farFromTheStartTheRuleIsFastForwardedNotWalked() throws Exception {
        // Sunday 2094-03-28 is ~70 years after DTSTART; still Berlin summer-time rules: 02:00 CEST = 00:00Z
        List<Occurrence> found = sundays(List.of()).overlapping(Instant.parse("2094-06-01T00:00:00Z"),
                Instant.parse("2094-06-08T00:00:00Z"));
        // 2094-06-06 is a Sunday
        assertEquals(List.of(new Occurrence(LocalDate.of(2094, 6, 6), Instant.parse("2094-06-06T00:00:00Z"),
                Instant.parse("2094-06-06T02:00:00Z"))), found);
    }

    @Test
    void countAndUntilEndTheSeries() throws Exception {
        MaintenanceRecurrence three = MaintenanceRecurrence.of("FREQ=WEEKLY;BYDAY=SU;COUNT=3", BERLIN, FIRST_START,
                FIRST_END, List.of());
        // 24 Mar, 31 Mar, 7 Apr (CEST: 02:00 = 00:00Z); the last ends 7 Apr 02:00Z
        assertEquals(3, three.overlapping(FIRST_START, Instant.parse("2025-01-01T00:00:00Z")).size());
        assertEquals(Instant.parse("2024-04-07T02:00:00Z"), three.seriesEnd().orElseThrow());
        MaintenanceRecurrence untilApril = MaintenanceRecurrence.of("FREQ=WEEKLY;BYDAY=SU;UNTIL=20240401T000000Z",
                BERLIN, FIRST_START, FIRST_END, List.of());
        assertEquals(2, untilApril.overlapping(FIRST_START, Instant.parse("2025-01-01T00:00:00Z")).size());
        assertTrue(untilApril.seriesEnd().orElseThrow().isAfter(Instant.parse("2024-03-31T03:00:00Z")));
        assertTrue(sundays(List.of()).seriesEnd().isEmpty());
    }

    @Test
    void nextOccurrencesSkipExceptionsAndEndedOnes() throws Exception {
        List<Occurrence> next = sundays(List.of(LocalDate.of(2024, 4, 7)))
                .next(Instant.parse("2024-03-31T02:00:00Z"), 3);
        // 31 Mar is under way at 02:00Z (ends 03:00Z); 7 Apr is an exception
        assertEquals(List.of(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 14), LocalDate.of(2024, 4, 21)),
                next.stream().map(Occurrence::localDate).toList());
    }

    @Test
    void refusesRulesItCannotBound() {
        assertRefused("FREQ=WEEKLY;BYDAY=XX", "is not an RFC 5545 recurrence rule");
        assertRefused("every sunday", "is not an RFC 5545 recurrence rule");
        assertRefused("FREQ=HOURLY", "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY");
        assertRefused("FREQ=DAILY;BYHOUR=2,3", "must not have BYHOUR");
        assertRefused("FREQ=DAILY;COUNT=10001", "COUNT must be from 1 to 10000");
        assertRefused("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "has no occurrence");
        // DTSTART is a Sunday; a Monday rule would not start with it
        assertRefused("FREQ=WEEKLY;BYDAY=MO", "must have the start (2024-03-24 02:00 in Europe/Berlin)");
        assertRefused("FREQ=DAILY;" + "BYMONTH=1;".repeat(40), "must be at most 300 characters");
        // 02:30 CET on 27 Oct 2024 (01:30Z) is the second 02:30 of the night: the rule would take the first
        MaintenanceRecurrence.InvalidRule secondPass = assertThrows(MaintenanceRecurrence.InvalidRule.class,
                () -> MaintenanceRecurrence.of("FREQ=WEEKLY;BYDAY=SU", BERLIN, Instant.parse("2024-10-27T01:30:00Z"),
                        Instant.parse("2024-10-27T02:30:00Z"), List.of()));
        assertTrue(secondPass.getMessage().contains("happens twice"), secondPass.getMessage());
    }

    @Test
    void refusesAnIntervalOfMoreThanTenYearsWhichLibRecurWalksForMinutes() throws Exception {
        // INTERVAL=2147483647 days: lib-recur walked for about 70 s, then threw, on every maintenance page view
        assertRefused("FREQ=DAILY;INTERVAL=2147483647", "INTERVAL must be from 1 to 3652 with FREQ=DAILY");
        // ten years: 3,652 days (two or three leap days), 521 weeks (3,647 days), 120 months, 10 years
        assertRefused("FREQ=DAILY;INTERVAL=3653", "INTERVAL must be from 1 to 3652");
        assertRefused("FREQ=WEEKLY;BYDAY=SU;INTERVAL=522", "INTERVAL must be from 1 to 521 with FREQ=WEEKLY");
        assertRefused("FREQ=MONTHLY;INTERVAL=121", "INTERVAL must be from 1 to 120 with FREQ=MONTHLY");
        assertRefused("FREQ=YEARLY;INTERVAL=11", "INTERVAL must be from 1 to 10 with FREQ=YEARLY");
        // the bound itself is accepted: 521 * 7 = 3,647 days after 24 Mar 2024 = 19 Mar 2034 (the clocks change on 26 Mar 2034: still CET)
        MaintenanceRecurrence longest = MaintenanceRecurrence.of("FREQ=WEEKLY;BYDAY=SU;INTERVAL=521", BERLIN,
                FIRST_START, FIRST_END, List.of());
        assertEquals(List.of(new Occurrence(LocalDate.of(2034, 3, 19), Instant.parse("2034-03-19T01:00:00Z"),
                Instant.parse("2034-03-19T03:00:00Z"))), longest.next(Instant.parse("2024-03-25T00:00:00Z"), 1));
    }

    @Test
    void nextStopsAtTheYear9999() throws Exception {
        // every 10 years from 1 Jan 9980 00:00 UTC: 9980, 9990, then 10000, which lies past the instants' range
        MaintenanceRecurrence decades = MaintenanceRecurrence.of("FREQ=YEARLY;INTERVAL=10", ZoneId.of("UTC"),
                Instant.parse("9980-01-01T00:00:00Z"), Instant.parse("9980-01-01T01:00:00Z"), List.of());
        assertEquals(List.of(new Occurrence(LocalDate.of(9990, 1, 1), Instant.parse("9990-01-01T00:00:00Z"),
                Instant.parse("9990-01-01T01:00:00Z"))), decades.next(Instant.parse("9985-01-01T00:00:00Z"), 5));
    }

    private static void assertRefused(String rule, String message) {
        MaintenanceRecurrence.InvalidRule refused = assertThrows(MaintenanceRecurrence.InvalidRule.class,
                () -> MaintenanceRecurrence.of(rule, BERLIN, FIRST_START, FIRST_END, List.of()));
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }
}
