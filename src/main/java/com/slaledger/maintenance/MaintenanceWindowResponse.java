package com.slaledger.maintenance;

import com.slaledger.platform.InputLimits;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A maintenance window with the keys of the clients or services it names, each ordered by key. For a recurring
 * window {@code startsAt}/{@code endsAt} are its first occurrence, {@code recurrence} the RRULE value,
 * {@code timeZone} the zone of its local start and {@code exceptions} the local dates left out, ascending; all
 * three are null/empty for a one-off window. In a report's list each occurrence is one entry with the window's id.
 *
 * <p>{@code recurrenceWarning} is null unless the stored rule is one the service refuses today (saved before a
 * bound existed, such as {@code FREQ=DAILY;INTERVAL=999999999}, which lib-recur walks for minutes): such a rule is
 * not expanded, only its first occurrence {@code [startsAt, endsAt)} counts (RFC 5545: DTSTART is always the
 * first instance), and the warning says why, for the pages and the reports' notes to show.
 */
public record MaintenanceWindowResponse(long id, String title, Instant startsAt, Instant endsAt,
        MaintenanceScope scope, List<String> clients, List<String> services, boolean announced, Instant createdAt,
        Instant updatedAt,
        String recurrence,
        String timeZone,
        List<LocalDate> exceptions,
        String recurrenceWarning) {

    static MaintenanceWindowResponse of(MaintenanceWindow window) {
        return new MaintenanceWindowResponse(window.id, window.title, window.startsAt, window.endsAt, window.scope,
                window.clients.stream().map(client -> client.key).sorted().toList(),
                window.services.stream().map(service -> service.key).sorted().toList(),
                window.announced, window.createdAt, window.updatedAt, window.recurrence, window.timeZone,
                List.of(window.exceptionDates), refusal(window));
    }

    /** Why the window's stored rule is not expanded, or null: a one-off window, or a rule read as saved. */
    private static String refusal(MaintenanceWindow window) {
        if (window.recurrence == null) {
            return null;
        }
        try {
            MaintenanceRecurrence.of(window.recurrence, ZoneId.of(window.timeZone), window.startsAt, window.endsAt,
                    List.of(window.exceptionDates));
            return null;
        } catch (MaintenanceRecurrence.InvalidRule refused) {
            return warning(refused.getMessage());
        } catch (DateTimeException unknownZone) {
            return warning("the time zone " + InputLimits.echo(window.timeZone) + " is not known");
        }
    }

    private static String warning(String reason) {
        return "The stored rule is refused by today's checks (" + reason + "): it is not expanded, only its"
                + " first occurrence counts as maintenance. Save the window with a rule within the bounds to repeat"
                + " it.";
    }

    /** Whether the window's stored rule is refused today and only its first occurrence counts. */
    public boolean ruleRefused() {
        return recurrenceWarning != null;
    }

    /** Whether the window repeats by a recurrence rule. */
    public boolean recurring() {
        return recurrence != null;
    }

    /** The same window with {@code [startsAt, endsAt)} one occurrence of it: what a report excludes. */
    public MaintenanceWindowResponse occurrence(Instant occurrenceStart, Instant occurrenceEnd) {
        return new MaintenanceWindowResponse(id, title, occurrenceStart, occurrenceEnd, scope, clients, services,
                announced, createdAt, updatedAt, recurrence, timeZone, exceptions, recurrenceWarning);
    }

    /**
     * The recurrence of a recurring window as stored, empty for a one-off window and for a stored rule refused
     * today ({@link #ruleRefused()}: only its first occurrence counts). Not for an {@link #occurrence} copy: its
     * {@code startsAt} is no longer the rule's DTSTART.
     */
    public Optional<MaintenanceRecurrence> recurrenceRule() {
        if (recurrence == null || ruleRefused()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MaintenanceRecurrence.of(recurrence, ZoneId.of(timeZone), startsAt, endsAt,
                    exceptions));
        } catch (MaintenanceRecurrence.InvalidRule e) {
            throw new IllegalStateException("stored recurrence of window " + id + " " + e.getMessage(), e);
        }
    }
}
