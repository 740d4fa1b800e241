package com.slaledger.ingest;

import com.slaledger.platform.Problem.FieldViolation;
import java.util.List;

/** A payload that is not what its source sends (wrong types, unreadable instants): answered 400. */
class MalformedPayload extends RuntimeException {

    private final List<FieldViolation> violations;

    MalformedPayload(String field, String message) {
        super(field + " " + message);
        this.violations = List.of(new FieldViolation(field, message));
    }

    List<FieldViolation> violations() {
        return violations;
    }
}
