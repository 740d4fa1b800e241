package com.slaledger.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a caller sends to create or replace a client. */
public record ClientRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String accountManager,
        @Size(max = 64) String timeZone,
        Boolean active,
        @Size(max = 100) String accountManagerUsername) {

    /** A client without a signed-in account manager assigned. */
    public ClientRequest(String key, String name, String accountManager, String timeZone, Boolean active) {
        this(key, name, accountManager, timeZone, active, null);
    }

    public static final String KEY_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String KEY_MESSAGE = "must be a URL-safe slug: lower-case letters, digits and single dashes";
}
