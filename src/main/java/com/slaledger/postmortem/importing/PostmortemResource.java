package com.slaledger.postmortem.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slaledger.incident.IncidentRequest;
import com.slaledger.incident.IncidentResponse;
import com.slaledger.incident.IncidentService.Outcome;
import com.slaledger.incident.IncidentService.Saved;
import com.slaledger.platform.JsonMergePatch;
import com.slaledger.platform.JsonPaths;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.postmortem.DerivedInstant;
import com.slaledger.postmortem.Mention;
import com.slaledger.postmortem.PostmortemDraft;
import com.slaledger.postmortem.TimelineItem;
import com.slaledger.postmortem.Warning;
import com.slaledger.postmortem.ZoneTable;
import com.slaledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A written postmortem in, a draft incident out ({@code preview}, which writes nothing), or the
 * incident saved ({@code import}). The body is the document itself ({@code text/plain} or
 * {@code text/markdown}, UTF-8, at most 1 MiB) or JSON with the text and options. See
 * {@code docs/postmortem-import.md}.
 */
@Path("/api/postmortems")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Postmortem import")
@RolesAllowed({Role.SRE, Role.ADMIN})
public class PostmortemResource {

    static final String TEXT_MARKDOWN = "text/markdown";

    private final PostmortemImports imports;
    private final ObjectMapper json;

    public PostmortemResource(PostmortemImports imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    /**
     * The JSON form of a request. {@code zone}: the zone of a document that names none (IANA name,
     * offset such as {@code UTC+01:00}, or an abbreviation of the documented table). {@code date}: the
     * incident's date ({@code YYYY-MM-DD}) when the document's is missing or wrong. {@code incident}
     * (import only): changes to the draft as a JSON merge patch (RFC 7396) over the fields of an incident.
     */
    public record PostmortemRequest(String text, String source, String externalId, String zone, String date,
            JsonNode incident) {
    }

    /** One of the five instants with the document line it came from. */
    public record SourcedInstant(java.time.Instant at, int line, String lineText, String reason) {

        static SourcedInstant of(DerivedInstant instant) {
            return instant == null ? null
                    : new SourcedInstant(instant.at(), instant.line(), instant.lineText(), instant.reason());
        }
    }

    public record Instants(SourcedInstant startedAt, SourcedInstant detectedAt, SourcedInstant acknowledgedAt,
            SourcedInstant mitigatedAt, SourcedInstant resolvedAt) {
    }

    /**
     * The draft: {@code incident} is what {@code import} would save (severity null when the document
     * states none), beside the lines each part came from and every warning.
     */
    public record Preview(IncidentRequest incident, Instants instants, List<TimelineItem> timeline,
            Integer impactLine, List<Mention> affectedServices, List<Mention> affectedClients, String zone,
            Integer zoneLine, LocalDate date, Integer dateLine, List<Warning> warnings) {

        static Preview of(PostmortemImports.Reading reading) {
            PostmortemDraft d = reading.draft();
            return new Preview(PostmortemImports.request(reading),
                    new Instants(SourcedInstant.of(d.startedAt()), SourcedInstant.of(d.detectedAt()),
                            SourcedInstant.of(d.acknowledgedAt()), SourcedInstant.of(d.mitigatedAt()),
                            SourcedInstant.of(d.resolvedAt())),
                    d.timeline(), d.impactLine(), d.affectedServices(), d.affectedClients(),
                    ZoneTable.describe(d.zone()), d.zoneLine(), d.date(), d.dateLine(), d.warnings());
        }
    }

    /** What an import did: the incident, whether it was new, and the warnings of its document. */
    public record ImportResult(IncidentResponse incident, boolean created, List<Warning> warnings) {
    }

    @POST
    @Path("/preview")
    @Consumes({MediaType.TEXT_PLAIN, TEXT_MARKDOWN})
    @Operation(summary = "Read a postmortem (the document as the body) into a draft incident; saves nothing")
    public Preview previewText(byte[] body) {
        return Preview.of(imports.read(PostmortemText.of(body, "text"), null, null, null, null, "text"));
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a postmortem (JSON with text, zone, date) into a draft incident; saves nothing")
    public Preview previewJson(PostmortemRequest request) {
        return Preview.of(read(request));
    }

    @POST
    @Path("/import")
    @Consumes({MediaType.TEXT_PLAIN, TEXT_MARKDOWN})
    @Operation(summary = "Import a postmortem as it is: 201 the first time, 200 with the same incident after")
    public Response importText(byte[] body, @jakarta.ws.rs.core.Context UriInfo uri) {
        PostmortemImports.Reading reading = imports.read(PostmortemText.of(body, "text"), null, null, null, null,
                "text");
        return saved(reading, PostmortemImports.request(reading), uri);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a postmortem with changes to its draft (incident: a merge patch); idempotent")
    public Response importJson(PostmortemRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        PostmortemImports.Reading reading = read(request);
        IncidentRequest draft = PostmortemImports.request(reading);
        if (request.incident() != null && !request.incident().isNull()) {
            draft = edited(draft, request.incident());
        }
        return saved(reading, draft, uri);
    }

    private PostmortemImports.Reading read(PostmortemRequest request) {
        if (request == null) {
            throw new ProblemException(400, "Malformed request body", "The body must be a postmortem request",
                    List.of(new FieldViolation("text", "is required")));
        }
        List<FieldViolation> bad = new ArrayList<>();
        ZoneId zone = null;
        if (request.zone() != null && !request.zone().isBlank()) {
            zone = zone(request.zone().strip());
            if (zone == null) {
                bad.add(new FieldViolation("zone", "must be a time zone such as Europe/Berlin, UTC+01:00 or EAT"));
            }
        }
        LocalDate date = null;
        if (request.date() != null && !request.date().isBlank()) {
            try {
                date = LocalDate.parse(request.date().strip());
            } catch (DateTimeParseException e) {
                bad.add(new FieldViolation("date", "must be a date such as 2024-01-16"));
            }
        }
        if (request.source() != null && request.source().length() > 64) {
            bad.add(new FieldViolation("source", "must be at most 64 characters"));
        }
        if (request.externalId() != null && request.externalId().length() > 200) {
            bad.add(new FieldViolation("externalId", "must be at most 200 characters"));
        }
        if (request.incident() != null && !request.incident().isNull() && !request.incident().isObject()) {
            bad.add(new FieldViolation("incident", "must be an object of the incident fields to change"));
        }
        String text;
        try {
            text = PostmortemText.of(request.text(), "text");
        } catch (ProblemException e) {
            if (!bad.isEmpty() && e.status() == 400) {
                bad.addAll(e.violations());
                throw ProblemException.invalid(bad);
            }
            throw e;
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        return imports.read(text, zone, date, request.source(), request.externalId(), "text");
    }

    /** The draft with the caller's changes (RFC 7396); the key stays the document's. */
    private IncidentRequest edited(IncidentRequest draft, JsonNode patch) {
        for (String field : Set.of("source", "externalId")) {
            if (patch.has(field)) {
                throw ProblemException.badParameter("incident." + field,
                        "is set at the top of the request, not in incident");
            }
        }
        ObjectNode target = json.valueToTree(draft);
        JsonMergePatch.apply(target, (ObjectNode) patch);
        try {
            return json.treeToValue(target, IncidentRequest.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String field = JsonPaths.of(e);
            throw ProblemException.badParameter("incident" + (field.isEmpty() ? "" : "." + field),
                    "has a value of the wrong type or an unknown name");
        } catch (JsonProcessingException e) {
            throw ProblemException.badParameter("incident", "cannot be read as incident fields");
        }
    }

    private Response saved(PostmortemImports.Reading reading, IncidentRequest request, UriInfo uri) {
        Saved saved;
        try {
            saved = imports.save(request);
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            // the draft lacks what an incident needs (a severity, a service): say where to give it
            List<FieldViolation> fields = e.violations().stream()
                    .map(v -> new FieldViolation("incident." + v.field(), v.message())).toList();
            throw new ProblemException(400, "The draft is not a complete incident", e.getMessage()
                    + "; give the missing fields in 'incident' (JSON body) or use the preview page", fields);
        }
        ImportResult result = new ImportResult(saved.incident(), saved.outcome() == Outcome.CREATED,
                reading.draft().warnings());
        if (saved.outcome() == Outcome.CREATED) {
            return Response.created(uri.getBaseUriBuilder().path("api/incidents")
                    .path(String.valueOf(saved.incident().id())).build()).entity(result).build();
        }
        return Response.ok(result).build();
    }

    private static ZoneId zone(String written) {
        ZoneTable.ReadZone read = ZoneTable.read(written);
        if (read != null) {
            return read.zone();
        }
        try {
            return ZoneId.of(written);
        } catch (DateTimeException e) {
            return null;
        }
    }


}
