package com.slaledger.report;

import com.slaledger.analytics.TimeWindow;
import com.slaledger.calendar.ServiceHours;
import java.time.ZoneId;
import com.slaledger.maintenance.MaintenanceWindowResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Announced maintenance windows, indexed by whom they concern: everyone, named clients, or named services
 * (which concern every client whose contract covers one of them); and the service hours of the calendars the
 * measured contracts name, whose outside is left out of the measured time in the same way.
 */
final class MaintenanceIndex {

    private final List<TimeWindow> forEveryone = new ArrayList<>();
    private final Map<String, List<TimeWindow>> byClient = new HashMap<>();
    private final Map<String, List<TimeWindow>> byService = new HashMap<>();
    private final Map<String, ServiceHours> calendars;

    /** The maintenance of reports whose contracts name no service calendar. */
    MaintenanceIndex(List<MaintenanceWindowResponse> announced) {
        this(announced, Map.of());
    }

    /**
     * @param calendars the service hours of every calendar the measured contracts name, by key, with the
     *                  holidays of the report's range ({@link #outsideServiceHours})
     */
    MaintenanceIndex(List<MaintenanceWindowResponse> announced, Map<String, ServiceHours> calendars) {
        this.calendars = Map.copyOf(calendars);
        for (MaintenanceWindowResponse window : announced) {
            if (!window.announced()) {
                continue;
            }
            TimeWindow period = TimeWindow.of(window.startsAt(), window.endsAt());
            switch (window.scope()) {
                case ALL_CLIENTS -> forEveryone.add(period);
                case CLIENTS -> window.clients().forEach(client ->
                        byClient.computeIfAbsent(client, k -> new ArrayList<>()).add(period));
                case SERVICES -> window.services().forEach(service ->
                        byService.computeIfAbsent(service, k -> new ArrayList<>()).add(period));
            }
        }
    }

    /**
     * The time of {@code window} outside the service hours of calendar {@code calendarKey}, in the client's
     * {@code zone}: left out of the measured window like maintenance (docs/service-hours.md). Empty when the
     * contract names no calendar (null).
     *
     * @throws IllegalStateException when the calendar was not loaded with this index: a report that forgot it
     *                               would measure every hour, silently
     */
    List<TimeWindow> outsideServiceHours(String calendarKey, TimeWindow window, ZoneId zone) {
        if (calendarKey == null) {
            return List.of();
        }
        ServiceHours hours = calendars.get(calendarKey);
        if (hours == null) {
            throw new IllegalStateException("service calendar '" + calendarKey + "' was not loaded for this report");
        }
        return hours.outside(window, zone);
    }

    /** The service hours of a calendar loaded with this index; empty for null or a calendar not loaded. */
    java.util.Optional<ServiceHours> serviceHours(String calendarKey) {
        return calendarKey == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(calendars.get(calendarKey));
    }

    /**
     * The client's maintenance under a contract covering {@code coveredServices}. A window may appear twice
     * (naming two covered services); the analytics core takes the union, so it still counts once.
     */
    List<TimeWindow> forClient(String clientKey, Collection<String> coveredServices) {
        List<TimeWindow> windows = new ArrayList<>(forEveryone);
        windows.addAll(byClient.getOrDefault(clientKey, List.of()));
        coveredServices.forEach(service -> windows.addAll(byService.getOrDefault(service, List.of())));
        return windows;
    }
}
