package com.slaledger.maintenance;

import com.slaledger.platform.InputLimits;
import com.slaledger.platform.InstantInRange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a caller sends to create or replace a maintenance window. {@code clients} go with scope CLIENTS,
 * {@code services} with scope SERVICES; {@code announced} defaults to true. Instants lie in the years 1900-9999,
 * as an incident's do: a window from year 1 would exclude every client's every month from measurement.
 *
 * <p>A recurring window adds {@code recurrence}, an RFC 5545 RRULE value such as {@code FREQ=WEEKLY;BYDAY=SU}
 * (at most 300 characters), and {@code timeZone}, the IANA zone of its local start (required with a recurrence,
 * refused without one); {@code startsAt}/{@code endsAt} are then its first occurrence. {@code exceptions} are
 * local dates (at most 1,000) whose occurrence is left out. Rules and bounds: {@link MaintenanceRecurrence}.
 */
public record MaintenanceWindowRequest(
        @NotBlank @Size(max = 300) String title,
        @NotNull @InstantInRange Instant startsAt,
        @NotNull @InstantInRange Instant endsAt,
        @NotNull MaintenanceScope scope,
        @Size(max = InputLimits.MAX_LIST_ITEMS) List<@NotBlank @Size(max = 64) String> clients,
        @Size(max = InputLimits.MAX_LIST_ITEMS) List<@NotBlank @Size(max = 64) String> services,
        Boolean announced,
        @Size(max = MaintenanceRecurrence.MAX_RULE_LENGTH) String recurrence,
        @Size(max = 64) String timeZone,
        @Size(max = MaintenanceRecurrence.MAX_EXCEPTIONS) List<@NotNull LocalDate> exceptions) {

    List<String> clientsOrEmpty() {
        return clients == null ? List.of() : clients;
    }

    List<LocalDate> exceptionsOrEmpty() {
        return exceptions == null ? List.of() : exceptions;
    }

    List<String> servicesOrEmpty() {
        return services == null ? List.of() : services;
    }
}
