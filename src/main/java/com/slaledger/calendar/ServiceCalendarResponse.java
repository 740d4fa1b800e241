package com.slaledger.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A service calendar as the API shows it: ranges by weekday and start, custom holidays ascending, and the
 * seconds of service in a week without holidays ({@code weeklyServiceSeconds}: 180,000 for Monday to
 * Friday 08:00-18:00, 50 hours).
 */
public record ServiceCalendarResponse(String key, String name, List<ServiceCalendarRequest.Range> weeklyHours,
        String holidayCountry, String holidaySubdivision, List<LocalDate> customHolidays,
        long weeklyServiceSeconds, Instant createdAt, Instant updatedAt) {

    /** {@code weeklyServiceSeconds} as a duration, for the pages. */
    public java.time.Duration weeklyServiceDuration() {
        return java.time.Duration.ofSeconds(weeklyServiceSeconds);
    }

    /** The weekly hours as one line each, {@code MONDAY 08:00-18:00}. */
    public List<String> weeklyHoursText() {
        return weeklyHours.stream().map(range -> range.day() + " " + range.from() + "-" + range.to()).toList();
    }
}
