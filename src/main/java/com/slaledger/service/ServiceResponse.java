package com.slaledger.service;

import java.time.Instant;

public record ServiceResponse(long id, String key, String name, String description, Instant createdAt,
        Instant updatedAt) {

    static ServiceResponse of(Service service) {
        return new ServiceResponse(service.id, service.key, service.name, service.description, service.createdAt,
                service.updatedAt);
    }
}
