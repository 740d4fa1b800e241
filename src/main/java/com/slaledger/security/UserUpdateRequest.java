package com.slaledger.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Changes a user's roles and/or enabled flag; a field left out stays as it is. */
public record UserUpdateRequest(@Size(max = 4) List<@NotNull String> roles, Boolean enabled) {
}
