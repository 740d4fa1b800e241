package com.slaledger.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.analytics.TimeWindow;
import com.slaledger.calendar.ServiceHours.WeeklyRange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of docs/service-hours.md, each figure worked out by hand, to the microsecond. */
class ServiceHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int EIGHT = 8 * 60;
    private static final int SIX_PM = 18 * 60;

    private static List<WeeklyRange> officeHours(DayOfWeek... days) {
        List<WeeklyRange> ranges = new ArrayList<>();
        for (DayOfWeek day : days) {
            ranges.add(new WeeklyRange(day, EIGHT, SIX_PM));
        }
        return ranges;
    }

    private static final DayOfWeek[] WEEKDAYS = {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY};

    @Test
    void octoberTwentyTwentyFourInGermanyHasTwentyTwoServiceDays() {
        // 1 Oct 2024 is a Tuesday. 31 days less 8 weekend days (5/6, 12/13, 19/20, 26/27) = 23 weekdays,
        // less German Unity Day (Thursday 3 Oct) = 22 days x 10 h = 220 h = 792,000 s.
        // The clocks go back on Sunday 27 Oct (the month lasts 745 h), which no service day touches.
        Set<LocalDate> holidays = Holidays.publicHolidays("DE", null, LocalDate.of(2024, 10, 1),
                LocalDate.of(2024, 10, 31));
        assertEquals(Set.of(LocalDate.of(2024, 10, 3)), holidays);
        ServiceHours hours = new ServiceHours(officeHours(WEEKDAYS), holidays);
        TimeWindow october = TimeWindow.month(YearMonth.of(2024, 10), BERLIN);
        assertEquals(792_000_000_000L, hours.withinMicros(october, BERLIN));
        // and the rest of the month is outside: 745 h - 220 h = 525 h = 1,890,000 s
        assertEquals(1_890_000_000_000L, october.lengthMicros() - hours.withinMicros(october, BERLIN));
        assertEquals(1_890_000_000_000L, hours.outside(october, BERLIN).stream().mapToLong(TimeWindow::lengthMicros)
                .sum());
    }

    @Test
    void marchTwentyTwentyFourLosesGoodFriday() {
        // 1 Mar 2024 is a Friday: 21 weekdays; Good Friday 29 Mar is a public holiday; Easter Monday is 1 April.
        // 20 days x 36,000 s = 720,000 s. The clocks go forward on Sunday 31 March, outside service hours.
        Set<LocalDate> holidays = Holidays.publicHolidays("DE", null, LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 31));
        assertEquals(Set.of(LocalDate.of(2024, 3, 29)), holidays);
        ServiceHours hours = new ServiceHours(officeHours(WEEKDAYS), holidays);
        assertEquals(720_000_000_000L, hours.withinMicros(TimeWindow.month(YearMonth.of(2024, 3), BERLIN), BERLIN));
    }

    @Test
    void anEightToSixDayLastsTenHoursOnBothDstChangeDays() {
        ServiceHours everyDay = new ServiceHours(officeHours(DayOfWeek.values()), Set.of());
        // 31 Mar 2024: 08:00 CEST = 06:00Z to 18:00 CEST = 16:00Z
        TimeWindow springDay = TimeWindow.of(Instant.parse("2024-03-30T23:00:00Z"), Instant.parse("2024-03-31T22:00:00Z"));
        assertEquals(List.of(TimeWindow.of(Instant.parse("2024-03-31T06:00:00Z"), Instant.parse("2024-03-31T16:00:00Z"))),
                everyDay.within(springDay, BERLIN));
        // 27 Oct 2024: 08:00 CET = 07:00Z to 18:00 CET = 17:00Z
        TimeWindow autumnDay = TimeWindow.of(Instant.parse("2024-10-26T22:00:00Z"), Instant.parse("2024-10-27T23:00:00Z"));
        assertEquals(List.of(TimeWindow.of(Instant.parse("2024-10-27T07:00:00Z"), Instant.parse("2024-10-27T17:00:00Z"))),
                everyDay.within(autumnDay, BERLIN));
    }

    @Test
    void aWholeDayRangeLastsTheDaysRealLengthAndAGapStartMovesOn() {
        ServiceHours sundays = new ServiceHours(List.of(new WeeklyRange(DayOfWeek.SUNDAY, 0, 24 * 60)), Set.of());
        TimeWindow week = TimeWindow.of(Instant.parse("2024-03-25T00:00:00Z"), Instant.parse("2024-04-01T00:00:00Z"));
        // Sunday 31 March has 23 hours: 00:00 CET = 30 Mar 23:00Z to 00:00 CEST on 1 April = 31 Mar 22:00Z
        assertEquals(23 * 3_600_000_000L, sundays.withinMicros(TimeWindow.of(Instant.parse("2024-03-30T00:00:00Z"),
                Instant.parse("2024-04-01T00:00:00Z")), BERLIN));
        // Sunday 27 October has 25 hours
        assertEquals(25 * 3_600_000_000L, sundays.withinMicros(TimeWindow.of(Instant.parse("2024-10-26T00:00:00Z"),
                Instant.parse("2024-10-29T00:00:00Z")), BERLIN));
        // 02:30-04:00 on 31 March: 02:30 does not exist and moves to 03:30 CEST (01:30Z); 04:00 CEST is 02:00Z: 30 min
        ServiceHours early = new ServiceHours(List.of(new WeeklyRange(DayOfWeek.SUNDAY, 150, 240)), Set.of());
        assertEquals(List.of(TimeWindow.of(Instant.parse("2024-03-31T01:30:00Z"), Instant.parse("2024-03-31T02:00:00Z"))),
                early.within(week, BERLIN));
    }

    @Test
    void anIncidentOvernightCountsOnlyItsInHoursParts() {
        ServiceHours hours = new ServiceHours(officeHours(WEEKDAYS), Set.of());
        // Friday 25 Oct 2024 17:30 CEST (15:30Z) to Monday 28 Oct 08:30 CET (07:30Z), across the DST change:
        // 64 h of wall-clock time, of which Fri 17:30-18:00 (1,800 s) and Mon 08:00-08:30 (1,800 s) are in hours
        assertEquals(3_600_000_000L, hours.businessMicros(Instant.parse("2024-10-25T15:30:00Z"),
                Instant.parse("2024-10-28T07:30:00Z"), BERLIN));
        // a holiday removes the day: 3 Oct 10:00-11:00 CEST counts nothing
        ServiceHours withUnityDay = new ServiceHours(officeHours(WEEKDAYS), Set.of(LocalDate.of(2024, 10, 3)));
        assertEquals(0, withUnityDay.businessMicros(Instant.parse("2024-10-03T08:00:00Z"),
                Instant.parse("2024-10-03T09:00:00Z"), BERLIN));
    }

    @Test
    void aSubdivisionAddsItsOwnHolidays() {
        // Bavaria keeps All Saints' Day (Friday 1 Nov 2024); Germany as a whole does not
        assertEquals(Set.of(), Holidays.publicHolidays("DE", null, LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 1)));
        assertEquals(Set.of(LocalDate.of(2024, 11, 1)),
                Holidays.publicHolidays("DE", "by", LocalDate.of(2024, 11, 1), LocalDate.of(2024, 11, 1)));
    }
}
