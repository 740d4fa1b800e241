package com.slaledger.calendar;

import com.slaledger.analytics.Interval;
import com.slaledger.analytics.IntervalSet;
import com.slaledger.analytics.Micros;
import com.slaledger.analytics.TimeWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The service hours of a calendar placed on the time line of one zone (the client's): plain arithmetic, no
 * database, so the rules of {@code docs/service-hours.md} are tested here to the microsecond.
 *
 * <p>Rules:
 * <ul>
 *   <li>Each local day whose weekday has ranges and which is no holiday is in service during each range
 *       {@code [from, to)} of local times; {@code to} 24:00 is the next day's start.</li>
 *   <li>A local time becomes an instant as {@link ZonedDateTime#ofLocal} places it with no preferred offset: a
 *       time in the spring-forward gap moves forward by the gap (02:30 becomes 03:30), an ambiguous fall-back time
 *       takes the earlier offset. A range whose ends both exist therefore lasts its wall-clock length whatever the
 *       offset: 08:00-18:00 is 10 hours on both DST change days in Europe/Berlin.</li>
 *   <li>A holiday (the country's public holidays from Jollyday plus the calendar's custom dates) removes the
 *       whole local day.</li>
 * </ul>
 *
 * @param ranges   the weekly hours, ordered by weekday and start, not overlapping within a day
 * @param holidays the local dates off, for at least the dates a caller asks about
 */
public record ServiceHours(List<WeeklyRange> ranges, Set<LocalDate> holidays) {

    public ServiceHours {
        ranges = ranges.stream().sorted(Comparator.comparing(WeeklyRange::day)
                .thenComparing(WeeklyRange::fromMinute)).toList();
        holidays = Set.copyOf(holidays);
    }

    /**
     * One weekly range: {@code day} from {@code fromMinute} to {@code toMinute} minutes after local midnight,
     * {@code 0 <= fromMinute < toMinute <= 1440} (1440 is 24:00).
     */
    public record WeeklyRange(DayOfWeek day, int fromMinute, int toMinute) {

        public WeeklyRange {
            if (fromMinute < 0 || toMinute > MINUTES_A_DAY || fromMinute >= toMinute) {
                throw new IllegalArgumentException("range " + fromMinute + "-" + toMinute + " of " + day);
            }
        }

        /** As the API and the database write it: {@code MONDAY 08:00-18:00}. */
        @Override
        public String toString() {
            return day + " " + clock(fromMinute) + "-" + clock(toMinute);
        }

        /** {@code 08:00}; 1440 is {@code 24:00}. */
        public static String clock(int minute) {
            return String.format("%02d:%02d", minute / 60, minute % 60);
        }
    }

    /** Minutes in a local day: 24:00 as a range end. */
    public static final int MINUTES_A_DAY = 24 * 60;

    /** The service time inside {@code window}, in {@code zone}, as disjoint windows by start. */
    public List<TimeWindow> within(TimeWindow window, ZoneId zone) {
        List<Interval> inService = new ArrayList<>();
        LocalDate first = window.start().atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = window.end().atZone(zone).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (WeeklyRange range : ranges) {
                if (range.day() == day.getDayOfWeek()) {
                    Instant start = at(day, range.fromMinute(), zone);
                    Instant end = at(day, range.toMinute(), zone);
                    if (end.isAfter(start)) {
                        inService.add(TimeWindow.of(start, end).toInterval());
                    }
                }
            }
        }
        return toWindows(IntervalSet.union(inService).clip(window.toInterval()));
    }

    /** The time inside {@code window} outside service hours: what a business-hours SLA leaves out, like maintenance. */
    public List<TimeWindow> outside(TimeWindow window, ZoneId zone) {
        IntervalSet inService = IntervalSet.ofWindows(within(window, zone));
        return toWindows(new IntervalSet(List.of(window.toInterval())).minus(inService));
    }

    /** The service time inside {@code window} in microseconds. */
    public long withinMicros(TimeWindow window, ZoneId zone) {
        return IntervalSet.ofWindows(within(window, zone)).totalMicros();
    }

    /** The part of {@code [start, end)} inside service hours, in microseconds: business time. */
    public long businessMicros(Instant start, Instant end, ZoneId zone) {
        if (!end.isAfter(start)) {
            return 0;
        }
        return withinMicros(TimeWindow.of(start, end), zone);
    }

    private static Instant at(LocalDate day, int minute, ZoneId zone) {
        if (minute == MINUTES_A_DAY) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.ofLocal(day.atTime(LocalTime.of(minute / 60, minute % 60)), zone, null).toInstant();
    }

    private static List<TimeWindow> toWindows(IntervalSet set) {
        return set.intervals().stream().map(ServiceHours::window).toList();
    }

    private static TimeWindow window(Interval interval) {
        return TimeWindow.of(Micros.toInstant(interval.startMicros()), Micros.toInstant(interval.endMicros()));
    }
}
