package com.slaledger.maintenance;

import com.slaledger.platform.InputLimits;
import com.slaledger.platform.InstantInRange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * What a caller sends to create or replace a maintenance window. {@code clients} go with scope CLIENTS,
 * {@code services} with scope SERVICES; {@code announced} defaults to true. Instants lie in the years 1900-9999,
 * as an incident's do: a window from year 1 would exclude every client's every month from measurement.
 */
public record MaintenanceWindowRequest(
        @NotBlank @Size(max = 300) String title,
        @NotNull @InstantInRange Instant startsAt,
        @NotNull @InstantInRange Instant endsAt,
        @NotNull MaintenanceScope scope,
        @Size(max = InputLimits.MAX_LIST_ITEMS) List<@NotBlank @Size(max = 64) String> clients,
        @Size(max = InputLimits.MAX_LIST_ITEMS) List<@NotBlank @Size(max = 64) String> services,
        Boolean announced) {

    List<String> clientsOrEmpty() {
        return clients == null ? List.of() : clients;
    }

    List<String> servicesOrEmpty() {
        return services == null ? List.of() : services;
    }
}
