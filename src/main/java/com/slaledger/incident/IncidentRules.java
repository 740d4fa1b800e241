package com.slaledger.incident;

import com.slaledger.platform.Problem.FieldViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The order of an incident's instants (SPEC: started ≤ detected ≤ acknowledged; started ≤ mitigated ≤
 * resolved). Each broken rule names the later field, which is the one a caller usually got wrong.
 */
final class IncidentRules {

    private IncidentRules() {
    }

    static List<FieldViolation> orderViolations(String prefix, Instant startedAt, Instant detectedAt,
            Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt) {
        List<FieldViolation> found = new ArrayList<>();
        if (startedAt == null) {
            return found;
        }
        notBefore(found, prefix, "detectedAt", detectedAt, "startedAt", startedAt);
        if (detectedAt != null) {
            notBefore(found, prefix, "acknowledgedAt", acknowledgedAt, "detectedAt", detectedAt);
        } else {
            notBefore(found, prefix, "acknowledgedAt", acknowledgedAt, "startedAt", startedAt);
        }
        notBefore(found, prefix, "mitigatedAt", mitigatedAt, "startedAt", startedAt);
        if (mitigatedAt != null && !mitigatedAt.isBefore(startedAt)) {
            notBefore(found, prefix, "resolvedAt", resolvedAt, "mitigatedAt", mitigatedAt);
        } else {
            notBefore(found, prefix, "resolvedAt", resolvedAt, "startedAt", startedAt);
        }
        return found;
    }

    private static void notBefore(List<FieldViolation> found, String prefix, String field, Instant value,
            String earlierField, Instant earlier) {
        if (value != null && value.isBefore(earlier)) {
            found.add(new FieldViolation(prefix + field,
                    "must not be before " + earlierField + " (" + earlier + "), got " + value));
        }
    }
}
