package com.slaledger.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.incident.IncidentService.BatchResult;
import com.slaledger.incident.IncidentService.IncidentFilter;
import com.slaledger.incident.IncidentService.IncidentPage;
import com.slaledger.incident.IncidentService.Outcome;
import com.slaledger.incident.IncidentService.Saved;
import com.slaledger.incident.IncidentService.Step;
import com.slaledger.platform.JsonPaths;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
    private final ObjectMapper json;

    public IncidentResource(IncidentService incidents, ObjectMapper json) {
        this.incidents = incidents;
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
    @Operation(summary = "List incidents, newest first, filtered and paged")
    public IncidentPage list(@QueryParam("client") String client, @QueryParam("service") String service,
            @QueryParam("severity") String severity, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("open") @DefaultValue("false") String open,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("50") String size) {
        List<FieldViolation> bad = new ArrayList<>();
        Severity wantedSeverity = parseSeverity(severity, bad);
        Instant fromInstant = parseInstant("from", from, bad);
        Instant toInstant = parseInstant("to", to, bad);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            bad.add(new FieldViolation("to", "must be after from"));
        }
        int pageNumber = parseInt("page", page, 0, Integer.MAX_VALUE, bad);
        int pageSize = parseInt("size", size, 1, MAX_PAGE_SIZE, bad);
        if (!open.equals("true") && !open.equals("false")) {
            bad.add(new FieldViolation("open", "must be true or false"));
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        return incidents.list(new IncidentFilter(blankToNull(client), blankToNull(service), wantedSeverity,
                fromInstant, toInstant, open.equals("true")), pageNumber, pageSize);
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
            } catch (JsonMappingException e) {
                String field = JsonPaths.of(e);
                throw ProblemException.badParameter(field.isEmpty() ? "at" : field,
                        "must be an ISO-8601 instant such as 2024-01-16T09:00:00Z");
            } catch (JsonProcessingException e) {
                throw new ProblemException(400, "Malformed request body", "The body is not valid JSON", List.of());
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
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            bad.add(new FieldViolation(name, "must be an ISO-8601 instant such as 2024-01-16T09:00:00Z"));
            return null;
        }
    }

    private static int parseInt(String name, String value, int min, int max, List<FieldViolation> bad) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        bad.add(new FieldViolation(name, "must be a whole number from " + min + " to " + max));
        return min;
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
