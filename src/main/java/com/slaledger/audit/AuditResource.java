package com.slaledger.audit;

import com.slaledger.audit.AuditTrail.AuditEntry;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@RolesAllowed(Role.ADMIN)
public class AuditResource {

    static final Set<String> ENTITIES = Set.of("incident", "contract", "credit", "what-if", "service-calendar");

    private final AuditTrail audit;

    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Changes to incidents, contracts, credits, saved what-ifs and service calendars, newest first,"
            + " with who made them and before/after")
    public List<AuditEntry> list(
            @Parameter(description = "incident, contract, credit, what-if or service-calendar") @QueryParam("entity")
            String entity,
            @Parameter(description = "the id of the incident, contract, credit, saved what-if or service calendar (a"
                    + " calendar's entries also come by its key: /api/service-calendars/{key}/history)")
            @QueryParam("id") String id,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        List<FieldViolation> bad = new ArrayList<>();
        String wantedEntity = entity == null || entity.isBlank() ? null : entity.strip();
        if (wantedEntity != null && !ENTITIES.contains(wantedEntity)) {
            bad.add(new FieldViolation("entity", "must be incident, contract, credit, what-if or service-calendar"));
        }
        Long wantedId = null;
        if (id != null && !id.isBlank()) {
            try {
                wantedId = Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                bad.add(new FieldViolation("id", "must be a whole number"));
            }
        }
        int rows = InputLimits.wholeNumber("limit", limit, 1, AuditTrail.MAX_LIMIT, bad);
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        return audit.list(wantedEntity, wantedId, rows);
    }
}
