package com.slaledger.service;

import com.slaledger.client.ClientRequest;
import com.slaledger.platform.InputLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a caller sends to create or replace a service. Keys follow the same slug rule as client keys. */
public record ServiceRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = ClientRequest.KEY_PATTERN, message = ClientRequest.KEY_MESSAGE)
        String key,
        @NotBlank @Size(max = 200) String name,
        @Size(max = InputLimits.MAX_SHORT_TEXT) String description) {
}
