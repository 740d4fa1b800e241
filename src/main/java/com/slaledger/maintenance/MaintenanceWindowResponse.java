package com.slaledger.maintenance;

import java.time.Instant;
import java.util.List;

/** A maintenance window with the keys of the clients or services it names, each ordered by key. */
public record MaintenanceWindowResponse(long id, String title, Instant startsAt, Instant endsAt,
        MaintenanceScope scope, List<String> clients, List<String> services, boolean announced, Instant createdAt,
        Instant updatedAt) {

    static MaintenanceWindowResponse of(MaintenanceWindow window) {
        return new MaintenanceWindowResponse(window.id, window.title, window.startsAt, window.endsAt, window.scope,
                window.clients.stream().map(client -> client.key).sorted().toList(),
                window.services.stream().map(service -> service.key).sorted().toList(),
                window.announced, window.createdAt, window.updatedAt);
    }
}
