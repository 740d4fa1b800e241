package com.slaledger.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new user: the password is hashed at once and never stored or logged as given. */
public record UserRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_MESSAGE) String username,
        @NotBlank @Size(min = PasswordRequest.MIN_LENGTH, max = PasswordRequest.MAX_LENGTH) String password,
        @NotEmpty @Size(max = 4) List<@NotNull String> roles,
        Boolean enabled) {

    public static final String USERNAME_PATTERN = "^[a-z0-9][a-z0-9._@-]{0,99}$";
    public static final String USERNAME_MESSAGE =
            "must be lower-case letters, digits and . _ @ -, starting with a letter or digit";
}
