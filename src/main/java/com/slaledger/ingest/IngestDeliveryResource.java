package com.slaledger.ingest;

import com.slaledger.ingest.IngestDelivery.Outcome;
import com.slaledger.ingest.IngestService.DeliveryDetail;
import com.slaledger.ingest.IngestService.DeliveryPage;
import com.slaledger.ingest.IngestService.Receipt;
import com.slaledger.ingest.IngestService.ReplayAllResult;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ingest inbox for admins: every webhook delivery, why one was not applied, and its replay. */
@Path("/api/ingest/deliveries")
@Tag(name = "Ingest inbox")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class IngestDeliveryResource {

    private final IngestService ingest;

    public IngestDeliveryResource(IngestService ingest) {
        this.ingest = ingest;
    }

    @GET
    @Operation(summary = "List deliveries, newest first, by source and outcome, paged")
    public DeliveryPage list(@QueryParam("source") String source, @QueryParam("outcome") String outcome,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("50") String size) {
        List<FieldViolation> bad = new ArrayList<>();
        String wantedSource = parseSource(source, bad);
        Outcome wantedOutcome = parseOutcome(outcome, bad);
        int pageNumber = InputLimits.wholeNumber("page", page, 0, InputLimits.MAX_PAGE_NUMBER, bad);
        int pageSize = InputLimits.wholeNumber("size", size, 1, IngestService.MAX_PAGE_SIZE, bad);
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        return ingest.list(wantedSource, wantedOutcome, pageNumber, pageSize);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One delivery with its headers and body as received")
    public DeliveryDetail get(@PathParam("id") long id) {
        return ingest.find(id).orElseThrow(() -> ProblemException.notFound("delivery", id));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Map an unmapped delivery again with today's configuration, services and clients")
    public Receipt replay(@PathParam("id") long id) {
        return ingest.replay(id);
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Replay the oldest 1,000 unmapped deliveries (of one source, when given)")
    public ReplayAllResult replayAll(@QueryParam("source") String source) {
        List<FieldViolation> bad = new ArrayList<>();
        String wantedSource = parseSource(source, bad);
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        return ingest.replayAllUnmapped(wantedSource);
    }

    static String parseSource(String value, List<FieldViolation> bad) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!IngestService.SOURCES.contains(value.strip())) {
            bad.add(new FieldViolation("source", "must be one of " + String.join(", ", IngestService.SOURCES)));
            return null;
        }
        return value.strip();
    }

    static Outcome parseOutcome(String value, List<FieldViolation> bad) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Outcome.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            bad.add(new FieldViolation("outcome", "must be one of " + Arrays.stream(Outcome.values())
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }
}
