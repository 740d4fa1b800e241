package com.slaledger.security;

import java.time.Instant;
import java.util.List;

public record UserResponse(String username, List<String> roles, boolean enabled, Instant createdAt,
        Instant updatedAt) {

    static UserResponse of(UserAccount user) {
        return new UserResponse(user.username, user.roles.stream().sorted().toList(), user.enabled, user.createdAt,
                user.updatedAt);
    }
}
