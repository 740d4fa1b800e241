package com.slaledger.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code violations} lists every bad field of the request at once,
 * so a caller can fix them all in one go.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldViolation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field: a JSON path into the request ({@code items[3].startedAt}) and what is wrong with it. */
    public record FieldViolation(String field, String message) {
    }
}
