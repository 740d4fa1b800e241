package com.slaledger.incident;

import com.slaledger.audit.AuditTrail;
import com.slaledger.incident.IncidentService.Step;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lifecycle steps a responder takes on an incident (acknowledge, mitigate, resolve), each stamping
 * one instant under the order rules of SPEC "Incident lifecycle".
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class IncidentLifecycle {

    private final IncidentRepository incidents;
    private final AuditTrail audit;

    IncidentLifecycle(IncidentRepository incidents, AuditTrail audit) {
        this.incidents = incidents;
        this.audit = audit;
    }

    /**
     * Stamps the instant of a step (now when none is given). Repeating a step with the same instant is a
     * harmless retry; another instant, or one that breaks the order of the instants, is a conflict.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    Optional<IncidentResponse> stamp(long id, Step step, Instant at) {
        Optional<Incident> found = incidents.findByIdOptional(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Incident incident = found.get();
        Instant when = IncidentRequest.micros(at == null ? Instant.now() : at);
        Instant already = switch (step) {
            case ACKNOWLEDGE -> incident.acknowledgedAt;
            case MITIGATE -> incident.mitigatedAt;
            case RESOLVE -> incident.resolvedAt;
        };
        if (already != null) {
            if (at == null || already.equals(when)) {
                return Optional.of(IncidentResponse.of(incident));
            }
            throw ProblemException.conflict("Incident " + id + " has " + step.field + " " + already
                    + " already; change it with PATCH if it was wrong",
                    List.of(new FieldViolation(step.field, "is " + already + " already")));
        }
        Instant detected = incident.detectedAt;
        Instant acknowledged = incident.acknowledgedAt;
        Instant mitigated = incident.mitigatedAt;
        Instant resolved = incident.resolvedAt;
        switch (step) {
            case ACKNOWLEDGE -> {
                acknowledged = when;
                // whoever acknowledges was paged: without an alert on record, detection is the same moment
                detected = detected == null && !when.isBefore(incident.startedAt) ? when : detected;
            }
            case MITIGATE -> mitigated = when;
            case RESOLVE -> resolved = when;
        }
        List<FieldViolation> broken = IncidentRules.orderViolations("", incident.startedAt, detected, acknowledged,
                mitigated, resolved);
        if (!broken.isEmpty()) {
            throw ProblemException.conflict("Stamping " + step.field + " at " + when
                    + " breaks the order of the incident's instants", broken);
        }
        String before = audit.snapshot(IncidentResponse.of(incident));
        incident.detectedAt = detected;
        incident.acknowledgedAt = acknowledged;
        incident.mitigatedAt = mitigated;
        incident.resolvedAt = resolved;
        incidents.flush();
        IncidentResponse stamped = IncidentResponse.of(incident);
        audit.record(IncidentWriter.AUDIT_ENTITY, id, step.name().toLowerCase(Locale.ROOT), before,
                audit.snapshot(stamped));
        return Optional.of(stamped);
    }
}
