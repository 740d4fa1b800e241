package com.slaledger.security;

import java.util.List;

/** Changes a user's roles and/or enabled flag; a field left out stays as it is. */
public record UserUpdateRequest(List<String> roles, Boolean enabled) {
}
