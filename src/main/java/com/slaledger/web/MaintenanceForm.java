package com.slaledger.web;

import com.slaledger.maintenance.MaintenanceScope;
import com.slaledger.maintenance.MaintenanceWindowRequest;
import com.slaledger.maintenance.MaintenanceWindowResponse;
import com.slaledger.platform.TimeZones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The maintenance window form exactly as typed: every field a string, so a form with mistakes comes back with
 * everything the user entered. Start and end are {@code datetime-local} values read in the zone chosen beside
 * them; the window is {@code [start, end)}. {@code scope} is a {@link MaintenanceScope} name; the ticked
 * clients and services are keys, sent to the service whatever the scope, so it refuses ticks the scope ignores.
 */
public class MaintenanceForm implements TimeFieldForm {

    @RestForm
    public String title;
    @RestForm
    public String zone;
    @RestForm
    public String startsAt;
    @RestForm
    public String endsAt;
    @RestForm
    public String scope;
    @RestForm
    public List<String> clients = new ArrayList<>();
    @RestForm
    public List<String> services = new ArrayList<>();
    /** The checkbox: {@code true} when ticked, absent when not. */
    @RestForm
    public String announced;
    /** An RFC 5545 RRULE value; blank for a one-off window. The local start in {@link #zone} is its DTSTART. */
    @RestForm
    public String recurrence;
    /** Local dates left out of a recurring window, {@code YYYY-MM-DD}, separated by spaces, commas or lines. */
    @RestForm
    public String exceptions;

    /** What a form turned into: the request for the service, and what could not even be read. */
    public record Parsed(MaintenanceWindowRequest request, FormErrors errors) {
    }

    /** A new window: times in {@code zone}, for all clients, announced. */
    static MaintenanceForm empty(String zone) {
        MaintenanceForm form = new MaintenanceForm();
        form.zone = zone;
        form.scope = MaintenanceScope.ALL_CLIENTS.name();
        form.announced = "true";
        return form;
    }

    /** The form of a stored window, its instants written in {@code zone}. */
    static MaintenanceForm of(MaintenanceWindowResponse window, String zone) {
        ZoneId zoneId = ZoneId.of(zone);
        MaintenanceForm form = new MaintenanceForm();
        form.title = window.title();
        form.zone = zone;
        form.startsAt = IncidentForm.localInput(window.startsAt(), zoneId);
        form.endsAt = IncidentForm.localInput(window.endsAt(), zoneId);
        form.scope = window.scope().name();
        form.clients = new ArrayList<>(window.clients());
        form.services = new ArrayList<>(window.services());
        form.announced = window.announced() ? "true" : null;
        if (window.recurring()) {
            // a recurring window is typed in its own zone: the local start is the rule's DTSTART
            form.zone = window.timeZone();
            form.startsAt = IncidentForm.localInput(window.startsAt(), ZoneId.of(window.timeZone()));
            form.endsAt = IncidentForm.localInput(window.endsAt(), ZoneId.of(window.timeZone()));
            form.recurrence = window.recurrence();
            form.exceptions = window.exceptions().stream().map(LocalDate::toString)
                    .collect(java.util.stream.Collectors.joining(" "));
        }
        return form;
    }

    /**
     * The request this form asks for. Editing {@code original} (null for a new window), a time still showing
     * its stored value keeps it exactly, so saving does not drop the seconds an input cannot show.
     */
    Parsed parse(MaintenanceWindowResponse original) {
        FormErrors errors = FormErrors.none();
        ZoneId zoneId = ZoneId.of(IncidentPages.UTC);
        if (TimeZones.isKnown(IncidentForm.trim(zone))) {
            zoneId = ZoneId.of(IncidentForm.trim(zone));
        } else {
            errors.add("zone", "must be a time zone such as UTC or Europe/Berlin");
        }
        MaintenanceScope parsedScope = null;
        if (scope != null && !scope.isBlank()) {
            try {
                parsedScope = MaintenanceScope.valueOf(scope.strip());
            } catch (IllegalArgumentException e) {
                errors.add("scope", "must be one of the choices");
            }
        }
        Instant start = IncidentForm.instant("startsAt", startsAt, zoneId,
                original == null ? null : original.startsAt(), errors);
        Instant end = IncidentForm.instant("endsAt", endsAt, zoneId,
                original == null ? null : original.endsAt(), errors);
        boolean recurring = recurrence != null && !recurrence.isBlank();
        List<LocalDate> exceptionDates = DateListField.parse("exceptions", exceptions, errors);
        MaintenanceWindowRequest request = new MaintenanceWindowRequest(title == null ? null : title.strip(), start,
                end, parsedScope, IncidentForm.nonBlank(clients), IncidentForm.nonBlank(services), isAnnounced(),
                recurring ? recurrence.strip() : null, recurring ? zoneId.getId() : null,
                exceptionDates.isEmpty() ? null : exceptionDates);
        return new Parsed(request, errors);
    }

    @Override
    public String field(String name) {
        String value = switch (name) {
            case "startsAt" -> startsAt;
            case "endsAt" -> endsAt;
            default -> throw new IllegalArgumentException("no time field " + name);
        };
        return value == null ? "" : value;
    }

    public boolean isAnnounced() {
        return "true".equals(announced);
    }

    /** Whether the scope chosen is {@code name}, a {@link MaintenanceScope} name. */
    public boolean scopeIs(String name) {
        return name.equals(scope);
    }
}
