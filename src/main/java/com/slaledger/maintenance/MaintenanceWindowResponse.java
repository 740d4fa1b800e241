package com.slaledger.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A maintenance window with the keys of the clients or services it names, each ordered by key. For a recurring
 * window {@code startsAt}/{@code endsAt} are its first occurrence, {@code recurrence} the RRULE value,
 * {@code timeZone} the zone of its local start and {@code exceptions} the local dates left out, ascending; all
 * three are null/empty for a one-off window. In a report's list each occurrence is one entry with the window's id.
 */
public record MaintenanceWindowResponse(long id, String title, Instant startsAt, Instant endsAt,
        MaintenanceScope scope, List<String> clients, List<String> services, boolean announced, Instant createdAt,
        Instant updatedAt,
        String recurrence,
        String timeZone,
        List<LocalDate> exceptions) {

    static MaintenanceWindowResponse of(MaintenanceWindow window) {
        return new MaintenanceWindowResponse(window.id, window.title, window.startsAt, window.endsAt, window.scope,
                window.clients.stream().map(client -> client.key).sorted().toList(),
                window.services.stream().map(service -> service.key).sorted().toList(),
                window.announced, window.createdAt, window.updatedAt, window.recurrence, window.timeZone,
                List.of(window.exceptionDates));
    }

    /** Whether the window repeats by a recurrence rule. */
    public boolean recurring() {
        return recurrence != null;
    }

    /** The same window with {@code [startsAt, endsAt)} one occurrence of it: what a report excludes. */
    public MaintenanceWindowResponse occurrence(Instant occurrenceStart, Instant occurrenceEnd) {
        return new MaintenanceWindowResponse(id, title, occurrenceStart, occurrenceEnd, scope, clients, services,
                announced, createdAt, updatedAt, recurrence, timeZone, exceptions);
    }

    /**
     * The recurrence of a recurring window as stored (its rule was checked when saved), empty for a one-off
     * window. Not for an {@link #occurrence} copy: its {@code startsAt} is no longer the rule's DTSTART.
     */
    public java.util.Optional<MaintenanceRecurrence> recurrenceRule() {
        if (recurrence == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(MaintenanceRecurrence.of(recurrence, java.time.ZoneId.of(timeZone),
                    startsAt, endsAt, exceptions));
        } catch (MaintenanceRecurrence.InvalidRule e) {
            throw new IllegalStateException("stored recurrence of window " + id + " " + e.getMessage(), e);
        }
    }
}
