package com.slaledger.report;

import com.slaledger.calendar.ServiceCalendarService;
import com.slaledger.maintenance.MaintenanceWindowResponse;
import com.slaledger.maintenance.MaintenanceWindowService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a report leaves out of the measured time over {@code [from, to)}: the announced maintenance (recurring
 * windows expanded) and, for contracts naming a service calendar, the time outside its service hours. One query
 * for the maintenance, and one more for the calendars only when a measured contract names one.
 */
@ApplicationScoped
class ReportExclusions {

    private final MaintenanceWindowService maintenance;
    private final ServiceCalendarService calendars;

    ReportExclusions(MaintenanceWindowService maintenance, ServiceCalendarService calendars) {
        this.maintenance = maintenance;
        this.calendars = calendars;
    }

    /** The index for contracts {@code measured} over {@code [from, to)}, from the announced windows read. */
    MaintenanceIndex index(Instant from, Instant to, Collection<ContractTerms> measured) {
        return index(from, to, measured, maintenance.announcedDuring(from, to));
    }

    /** As {@link #index(Instant, Instant, Collection)}, with the announced windows already read. */
    MaintenanceIndex index(Instant from, Instant to, Collection<ContractTerms> measured,
            List<MaintenanceWindowResponse> announced) {
        Set<String> calendarKeys = measured.stream().map(terms -> terms.contract().serviceCalendar())
                .filter(Objects::nonNull).collect(Collectors.toSet());
        if (calendarKeys.isEmpty()) {
            return new MaintenanceIndex(announced);
        }
        // every local date of the range in any zone (UTC-12 to UTC+14), with a day of margin each side
        LocalDate first = from.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(2);
        LocalDate last = to.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(2);
        return new MaintenanceIndex(announced, calendars.serviceHours(calendarKeys, first, last));
    }
}
