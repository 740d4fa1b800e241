package com.slaledger.platform;

import com.slaledger.platform.Problem.FieldViolation;
import java.util.List;

/** A request the service refuses, with the status and the words the caller sees. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldViolation> violations;

    public ProblemException(int status, String title, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String what, Object key) {
        return new ProblemException(404, "Not found", "No " + what + " '" + InputLimits.echo(key) + "'", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException conflict(String detail, List<FieldViolation> violations) {
        return new ProblemException(409, "Conflict", detail, violations);
    }

    public static ProblemException invalid(List<FieldViolation> violations) {
        String detail = violations.size() == 1
                ? "1 field is invalid: " + violations.get(0).field()
                : violations.size() + " fields are invalid";
        return new ProblemException(400, "Invalid request", detail, violations);
    }

    /**
     * A 503: the service cannot take the request now and says so with {@code Retry-After}
     * ({@link ProblemMappers#RETRY_AFTER_SECONDS} seconds; RFC 9110 section 15.6.4).
     */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "Service Unavailable", detail, List.of());
    }

    public static ProblemException badParameter(String parameter, String message) {
        return invalid(List.of(new FieldViolation(parameter, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
