package com.slaledger.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.incident.IncidentService.BatchResult;
import com.slaledger.incident.IncidentService.IncidentFilter;
import com.slaledger.incident.IncidentService.IncidentPage;
import com.slaledger.incident.IncidentService.Outcome;
import com.slaledger.incident.IncidentService.Saved;
import com.slaledger.incident.IncidentService.Step;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.JsonProblems;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents")
@RolesAllowed({Role.SRE, Role.ADMIN})
public class IncidentResource {

    static final int MAX_PAGE_SIZE = 500;

    private final IncidentService incidents;
    private final IncidentCsvImport csv;
    private final ObjectMapper json;

    public IncidentResource(IncidentService incidents, IncidentCsvImport csv, ObjectMapper json) {
        this.incidents = incidents;
        this.csv = csv;
        this.json = json;
    }

    /** The body of a lifecycle step: when it happened; now when left out. */
    public record StepRequest(Instant at) {
    }

    /** A batch of incidents to create or update together. */
    public record BatchRequest(List<IncidentRequest> incidents) {
    }

    @GET
    @RolesAllowed({Role.SRE, Role.ACCOUNT_MANAGER, Role.ADMIN})
    @Operation(summary = "List incidents, filtered and paged",
            description = "open=true: not resolved yet; open=false: resolved only; absent: both. q: text to find in"
                    + " the title or summary (case-insensitive, at most 200 characters). sort: started (newest first,"
                    + " the default), duration (longest impact first) or severity (SEV1 first).")
    public IncidentPage list(@QueryParam("client") String client, @QueryParam("service") String service,
            @QueryParam("severity") String severity, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("open") String open, @QueryParam("q") String text, @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("50") String size) {
        List<FieldViolation> bad = new ArrayList<>();
        IncidentFilter filter = filter(client, service, severity, from, to, open, text, sort, bad);
        int pageNumber = InputLimits.wholeNumber("page", page, 0, InputLimits.MAX_PAGE_NUMBER, bad);
        int pageSize = InputLimits.wholeNumber("size", size, 1, MAX_PAGE_SIZE, bad);
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        return incidents.list(filter, pageNumber, pageSize);
    }

    @GET
    @Path("/export")
    @Produces(IncidentCsvImport.MEDIA_TYPE)
    @RolesAllowed({Role.SRE, Role.ACCOUNT_MANAGER, Role.ADMIN})
    @Operation(summary = "The incidents of the list's filters as CSV, newest first, in the columns the import reads"
            + " (at most 100,000 rows)")
    public Response export(@QueryParam("client") String client, @QueryParam("service") String service,
            @QueryParam("severity") String severity, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("open") String open, @QueryParam("q") String text, @QueryParam("sort") String sort)
            throws IOException {
        List<FieldViolation> bad = new ArrayList<>();
        IncidentFilter filter = filter(client, service, severity, from, to, open, text, sort, bad);
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        long rows = csv.exportCount(filter);
        if (rows > IncidentCsvImport.MAX_ROWS) {
            throw ProblemException.badParameter("from", "the filters match " + rows + " incidents, more than the "
                    + IncidentCsvImport.MAX_ROWS + " one file holds; narrow them (from, to, client, service)");
        }
        StringWriter out = new StringWriter();
        csv.export(filter, out);
        return Response.ok(out.toString(), IncidentCsvImport.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"incidents.csv\"").build();
    }

    @POST
    @Path("/import")
    @Consumes({IncidentCsvImport.MEDIA_TYPE, "application/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import incidents from CSV (the export's columns), all or nothing, idempotent by source and"
            + " externalId; dryRun=true previews the first rows and every error, writing nothing")
    public IncidentCsvImport.ImportResult importCsv(@QueryParam("dryRun") @DefaultValue("false") String dryRun,
            @HeaderParam("Content-Length") String contentLength, InputStream body, @Context RoutingContext exchange) {
        if (!dryRun.equals("true") && !dryRun.equals("false")) {
            throw ProblemException.badParameter("dryRun", "must be true or false");
        }
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.strip()) > csv.maxBodyBytes()) {
                    throw IncidentCsvImport.tooLarge(csv.maxBodyBytes());
                }
            } catch (NumberFormatException e) {
                // the HTTP layer has read the body by its real length; the stream's own count still applies
            }
        }
        if (body == null) {
            throw new ProblemException(400, "Invalid CSV", "The body is empty: it must be a CSV file whose first line names the columns", List.of());
        }
        try {
            return csv.importCsv(body, dryRun.equals("true"));
        } catch (ProblemException e) {
            if (e.status() == 408) {
                // RFC 9110 section 15.5.9: a server that answers 408 closes the connection rather than wait for the
                // rest of the body; otherwise the client's stalled body would hold it until the idle timeout
                exchange.response().putHeader("Connection", "close");
                exchange.addEndHandler(ended -> exchange.request().connection().close());
            }
            throw e;
        }
    }

    @GET
    @RolesAllowed({Role.SRE, Role.ACCOUNT_MANAGER, Role.ADMIN})
    @Path("/{id}")
    public IncidentResponse get(@PathParam("id") long id) {
        return incidents.find(id).orElseThrow(() -> ProblemException.notFound("incident", id));
    }

    @POST
    @Operation(summary = "Record an incident; an identical retry answers 200 with the same incident")
    public Response create(IncidentRequest request, UriInfo uri) {
        requireBody(request);
        return saved(incidents.create(request), uri);
    }

    @GET
    @RolesAllowed({Role.SRE, Role.ACCOUNT_MANAGER, Role.ADMIN})
    @Path("/by-key/{source}/{externalId}")
    public IncidentResponse getByKey(@PathParam("source") String source, @PathParam("externalId") String externalId) {
        return incidents.findByKey(source, externalId)
                .orElseThrow(() -> ProblemException.notFound("incident", source + "/" + externalId));
    }

    @PUT
    @Path("/by-key/{source}/{externalId}")
    @Operation(summary = "Create or replace the incident of this source and external id: 201 first, 200 after")
    public Response upsert(@PathParam("source") String source, @PathParam("externalId") String externalId,
            IncidentRequest request, UriInfo uri) {
        requireBody(request);
        return saved(incidents.upsert(source, externalId, request), uri);
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Create or update up to 10,000 incidents: all of them or, on any bad item, none")
    public BatchResult batch(BatchRequest request) {
        return incidents.batch(request == null ? null : request.incidents());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields (JSON merge patch: null clears a field)")
    public IncidentResponse patch(@PathParam("id") long id, JsonNode patch) {
        return incidents.patch(id, patch).orElseThrow(() -> ProblemException.notFound("incident", id));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stamp acknowledgedAt at the given instant (body {\"at\": ...}) or now (no body)")
    public IncidentResponse acknowledge(@PathParam("id") long id,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String step) {
        return stamp(id, Step.ACKNOWLEDGE, contentType, step);
    }

    @POST
    @Path("/{id}/mitigate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stamp mitigatedAt at the given instant (body {\"at\": ...}) or now (no body)")
    public IncidentResponse mitigate(@PathParam("id") long id,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String step) {
        return stamp(id, Step.MITIGATE, contentType, step);
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Stamp resolvedAt at the given instant (body {\"at\": ...}) or now (no body)")
    public IncidentResponse resolve(@PathParam("id") long id,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String step) {
        return stamp(id, Step.RESOLVE, contentType, step);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        if (!incidents.delete(id)) {
            throw ProblemException.notFound("incident", id);
        }
        return Response.noContent().build();
    }

    /**
     * A lifecycle step takes a JSON body or none at all. Any other content type (say a cross-site form's
     * {@code text/plain}, which a browser sends without asking) is refused with 415 before anything changes.
     */
    private IncidentResponse stamp(long id, Step step, String contentType, String body) {
        boolean hasBody = body != null && !body.isEmpty();
        if ((contentType != null || hasBody) && !isJson(contentType)) {
            throw new NotSupportedException();
        }
        Instant at = null;
        if (body != null && !body.isBlank()) {
            try {
                StepRequest request = json.readValue(body, StepRequest.class);
                at = request == null ? null : request.at();
            } catch (JsonProcessingException e) {
                throw JsonProblems.of(e);
            }
        }
        return incidents.stamp(id, step, at)
                .orElseThrow(() -> ProblemException.notFound("incident", id));
    }

    private static Response saved(Saved saved, UriInfo uri) {
        if (saved.outcome() == Outcome.CREATED) {
            return Response.created(uri.getBaseUriBuilder().path("api/incidents").path(String.valueOf(saved.incident().id()))
                    .build()).entity(saved.incident()).build();
        }
        return Response.ok(saved.incident()).build();
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new ProblemException(400, "Malformed request body", "The body must be an incident", List.of());
        }
    }

    /** The list's filters, their mistakes added to {@code bad}. */
    private static IncidentFilter filter(String client, String service, String severity, String from, String to,
            String open, String text, String sort, List<FieldViolation> bad) {
        Severity wantedSeverity = parseSeverity(severity, bad);
        Instant fromInstant = parseInstant("from", from, bad);
        Instant toInstant = parseInstant("to", to, bad);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            bad.add(new FieldViolation("to", "must be after from"));
        }
        Boolean wantedOpen = null;
        if (open != null && !open.isBlank()) {
            if (open.equals("true") || open.equals("false")) {
                wantedOpen = Boolean.valueOf(open);
            } else {
                bad.add(new FieldViolation("open", "must be true or false"));
            }
        }
        if (text != null && text.length() > IncidentService.MAX_SEARCH_LENGTH) {
            bad.add(new FieldViolation("q", "must be at most " + IncidentService.MAX_SEARCH_LENGTH + " characters"));
        }
        IncidentService.IncidentOrder order = parseOrder(sort, bad);
        return new IncidentFilter(blankToNull(client), blankToNull(service), wantedSeverity, fromInstant, toInstant,
                wantedOpen, blankToNull(text), order);
    }

    /** {@code started}, {@code duration} or {@code severity}; null when absent. */
    public static IncidentService.IncidentOrder parseOrder(String sort, List<FieldViolation> bad) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        try {
            return IncidentService.IncidentOrder.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            bad.add(new FieldViolation("sort", "must be one of started, duration, severity"));
            return null;
        }
    }

    private static Severity parseSeverity(String value, List<FieldViolation> bad) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            bad.add(new FieldViolation("severity", "must be one of SEV1, SEV2, SEV3, SEV4"));
            return null;
        }
    }

    static Instant parseInstant(String name, String value, List<FieldViolation> bad) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Instant parsed = Instant.parse(value.strip());
            if (InputLimits.inRange(parsed)) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below with the accepted form
        }
        bad.add(new FieldViolation(name, "must be " + InputLimits.instantRange()));
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return type.getType().equalsIgnoreCase("application")
                    && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
