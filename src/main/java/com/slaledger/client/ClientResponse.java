package com.slaledger.client;

import java.time.Instant;

public record ClientResponse(long id, String key, String name, String accountManager,
        String accountManagerUsername, String timeZone, boolean active, Instant createdAt, Instant updatedAt) {

    static ClientResponse of(Client client) {
        return new ClientResponse(client.id, client.key, client.name, client.accountManager,
                client.accountManagerUsername, client.timeZone, client.active, client.createdAt, client.updatedAt);
    }
}
