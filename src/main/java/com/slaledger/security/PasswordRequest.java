package com.slaledger.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new password; users changing their own also give the current one. */
public record PasswordRequest(@NotBlank @Size(min = MIN_LENGTH, max = MAX_LENGTH) String password,
        String currentPassword) {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; longer passwords would silently share a hash. */
    public static final int MAX_LENGTH = 72;
}
