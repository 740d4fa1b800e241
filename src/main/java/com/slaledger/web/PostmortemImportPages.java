package com.slaledger.web;

import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.incident.IncidentRequest;
import com.slaledger.incident.Severity;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.postmortem.DerivedInstant;
import com.slaledger.postmortem.PostmortemDraft;
import com.slaledger.postmortem.Warning;
import com.slaledger.postmortem.ZoneTable;
import com.slaledger.postmortem.importing.PostmortemImports;
import com.slaledger.postmortem.importing.PostmortemText;
import com.slaledger.security.Role;
import com.slaledger.service.ServiceCatalog;
import com.slaledger.service.ServiceResponse;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Importing a written postmortem by hand: paste or upload the document, check the draft beside the
 * document (the lines each instant came from highlighted, the warnings on top, every field editable),
 * then save it. Nothing is saved before the last step; saving goes through {@link PostmortemImports},
 * so the same document saved twice is one incident.
 */
@Path("/incidents/import")
@RolesAllowed({Role.SRE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class PostmortemImportPages {

    /** Documents longer than this show their first lines only beside the draft. */
    static final int SHOWN_LINES = 2_000;

    private final PostmortemImports imports;
    private final ServiceCatalog services;
    private final ClientService clients;

    public PostmortemImportPages(PostmortemImports imports, ServiceCatalog services, ClientService clients) {
        this.imports = imports;
        this.services = services;
        this.clients = clients;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(UploadPage page);

        static native TemplateInstance preview(PreviewPage page);
    }

    /** The first step: the document and the two options, with what was wrong with them. */
    public record UploadPage(String text, String zone, String date, List<String> zones, String problem) {
    }

    /** One line of the document, with the instants it gave (Started, Detected...). */
    public record DocumentLine(int number, String text, List<String> marks) {

        public boolean marked() {
            return !marks.isEmpty();
        }
    }

    public record PreviewPage(IncidentForm form, FormErrors errors, List<Warning> warnings, List<DocumentLine> lines,
            int hiddenLines, List<DerivedRow> derived, String document, String documentZone, String documentDate,
            List<ServiceResponse> services, List<ClientResponse> clients, List<String> zones,
            List<Severity> severities) {
    }

    /** A derived field beside the line it came from. */
    public record DerivedRow(String label, String value, Integer line, String reason) {
    }

    @GET
    public TemplateInstance upload() {
        return Templates.upload(new UploadPage("", "", "", Zones.ALL, null));
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@RestForm String text, @RestForm("file") FileUpload file, @RestForm String zone,
            @RestForm String date) {
        String typed = text == null ? "" : text;
        try {
            String document;
            if (file != null && file.size() > 0) {
                if (file.size() > PostmortemText.MAX_BYTES) {
                    throw PostmortemText.tooLarge("file", file.size());
                }
                document = PostmortemText.of(Files.readAllBytes(file.uploadedFile()), "file");
            } else {
                document = PostmortemText.of(typed, "text");
            }
            ZoneId defaultZone = blank(zone) ? null : ZoneId.of(zone.strip());
            LocalDate day = null;
            if (!blank(date)) {
                try {
                    day = LocalDate.parse(date.strip());
                } catch (DateTimeParseException e) {
                    throw ProblemException.badParameter("date", "must be a date such as 2024-01-16");
                }
            }
            PostmortemImports.Reading reading = imports.read(document, defaultZone, day, null, null, "text");
            return Response.ok(Templates.preview(previewPage(reading, null, FormErrors.none()))).build();
        } catch (ProblemException e) {
            String problem = e.getMessage() + (e.violations().isEmpty() ? ""
                    : " (" + String.join("; ", e.violations().stream().map(v -> v.field() + " " + v.message())
                            .toList()) + ")");
            // never echo a refused upload back into the page, only what was typed and is within bounds
            String keep = e.status() == 413 || e.status() == 415 ? "" : typed;
            return Response.status(e.status()).entity(Templates.upload(new UploadPage(keep, zone, date, Zones.ALL,
                    problem))).build();
        } catch (DateTimeException e) {
            return Response.status(400).entity(Templates.upload(new UploadPage(typed, "", date, Zones.ALL,
                    "The zone must be a time zone such as UTC or Europe/Berlin."))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the confirmed draft, then shows the incident; a draft with mistakes comes back with them. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@BeanParam IncidentForm form, @RestForm String document, @RestForm String documentZone,
            @RestForm String documentDate) {
        String text = PostmortemText.of(document, "document");
        ZoneId defaultZone = null;
        LocalDate day = null;
        try {
            defaultZone = blank(documentZone) ? null : ZoneId.of(documentZone.strip());
            day = blank(documentDate) ? null : LocalDate.parse(documentDate.strip());
        } catch (DateTimeException e) {
            // the hidden fields were tampered with: read the document without them
        }
        PostmortemImports.Reading reading = imports.read(text, defaultZone, day, form.source, form.externalId,
                "document");
        // the key comes from the document, never from the form
        form.source = reading.source();
        form.externalId = reading.externalId();
        IncidentForm.Parsed parsed = form.parse();
        FormErrors errors = parsed.errors();
        int status = 400;
        if (errors.isEmpty()) {
            try {
                long id = imports.save(parsed.request()).incident().id();
                return Response.seeOther(java.net.URI.create("/incidents/" + id)).build();
            } catch (ProblemException e) {
                status = e.status();
                if (e.status() == 409) {
                    errors.add("form", "This document was imported already, with other content: "
                            + e.getMessage().replaceAll("; PUT .*$", "") + ". Open that incident and edit it there.");
                } else if (e.violations().isEmpty()) {
                    errors.add("form", e.getMessage());
                } else {
                    errors.addAll(e.violations().stream().map(v -> IncidentPages.readable(v, form.zone)).toList(),
                            IncidentForm.ITEM_NAMES);
                }
            }
        } else {
            List<FieldViolation> more = imports.check(parsed.request()).stream()
                    .filter(v -> !errors.has(fieldOf(v.field()))).map(v -> IncidentPages.readable(v, form.zone))
                    .toList();
            errors.addAll(more, IncidentForm.ITEM_NAMES);
        }
        return Response.status(status).entity(Templates.preview(previewPage(reading, form, errors))).build();
    }

    private PreviewPage previewPage(PostmortemImports.Reading reading, IncidentForm edited, FormErrors errors) {
        PostmortemDraft d = reading.draft();
        String formZone = formZone(d.zone());
        IncidentForm form = edited != null ? edited : form(reading, formZone);
        Map<Integer, List<String>> marks = new LinkedHashMap<>();
        List<DerivedRow> derived = new ArrayList<>();
        derived(derived, marks, "Started", d.startedAt(), form.zone);
        derived(derived, marks, "Detected", d.detectedAt(), form.zone);
        derived(derived, marks, "Acknowledged", d.acknowledgedAt(), form.zone);
        derived(derived, marks, "Mitigated", d.mitigatedAt(), form.zone);
        derived(derived, marks, "Resolved", d.resolvedAt(), form.zone);
        if (d.impactPercent() != null) {
            derived.add(new DerivedRow("Impact", d.impactPercent().toPlainString() + " %", d.impactLine(), "stated"));
            marks.computeIfAbsent(d.impactLine(), k -> new ArrayList<>()).add("Impact");
        }
        derived.add(new DerivedRow("Zone", ZoneTable.describe(d.zone()), d.zoneLine(),
                d.zoneLine() == null ? "assumed" : "stated"));
        derived.add(new DerivedRow("Date", d.date().toString(), d.dateLine(),
                d.dateLine() == null ? "given" : "stated"));
        List<String> all = reading.text().lines().toList();
        List<DocumentLine> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(all.size(), SHOWN_LINES); i++) {
            lines.add(new DocumentLine(i + 1, all.get(i), marks.getOrDefault(i + 1, List.of())));
        }
        List<String> zones = Zones.ALL.contains(formZone) ? Zones.ALL
                : Stream.concat(Stream.of(formZone), Zones.ALL.stream()).toList();
        return new PreviewPage(form, errors, d.warnings(), lines, Math.max(0, all.size() - SHOWN_LINES), derived,
                reading.text(), d.zoneLine() == null ? ZoneTable.describe(d.zone()).replace("UTC+", "+")
                        .replace("UTC-", "-") : "",
                d.dateLine() == null ? d.date().toString() : "",
                services.list(), clients.list(null), zones, List.of(Severity.values()));
    }

    private static void derived(List<DerivedRow> rows, Map<Integer, List<String>> marks, String label,
            DerivedInstant instant, String zone) {
        if (instant == null) {
            rows.add(new DerivedRow(label, "not in the document", null, ""));
            return;
        }
        rows.add(new DerivedRow(label, Formats.inZone(instant.at(), zone), instant.line(), instant.reason()));
        marks.computeIfAbsent(instant.line(), k -> new ArrayList<>()).add(label);
    }

    /** The draft as the incident form shows it, its instants in the document's zone where the form offers it. */
    private static IncidentForm form(PostmortemImports.Reading reading, String zone) {
        IncidentRequest r = PostmortemImports.request(reading);
        ZoneId zoneId = ZoneId.of(zone);
        IncidentForm form = new IncidentForm();
        form.source = r.source();
        form.externalId = r.externalId();
        form.title = r.title();
        form.severity = r.severity() == null ? "" : r.severity().name();
        form.affectedServices = new ArrayList<>(r.affectedServices());
        form.affectedClients = new ArrayList<>(r.affectedClients());
        form.impactPercent = r.impactPercent() == null ? "" : r.impactPercent().toPlainString();
        form.summary = r.summary();
        form.rootCause = r.rootCause();
        form.preventiveActions = String.join("\n", r.preventiveActions());
        form.timeline = String.join("\n", r.timeline().stream()
                .map(e -> IncidentForm.localInput(e.at(), zoneId).replace('T', ' ') + " " + e.text()).toList());
        form.zone = zone;
        form.startedAt = IncidentForm.localInput(r.startedAt(), zoneId);
        form.detectedAt = IncidentForm.localInput(r.detectedAt(), zoneId);
        form.acknowledgedAt = IncidentForm.localInput(r.acknowledgedAt(), zoneId);
        form.mitigatedAt = IncidentForm.localInput(r.mitigatedAt(), zoneId);
        form.resolvedAt = IncidentForm.localInput(r.resolvedAt(), zoneId);
        return form;
    }

    /**
     * The form's zone for the document's: an IANA region as it is; a whole-hour offset as its
     * {@code Etc/GMT} zone (whose sign is inverted: UTC+01:00 is {@code Etc/GMT-1}); anything else UTC.
     */
    static String formZone(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            int seconds = offset.getTotalSeconds();
            if (seconds == 0) {
                return "UTC";
            }
            if (seconds % 3600 == 0) {
                int hours = seconds / 3600;
                return "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
            }
            return "UTC";
        }
        return Zones.ALL.contains(zone.getId()) ? zone.getId() : "UTC";
    }

    private static String fieldOf(String path) {
        int bracket = path.indexOf('[');
        return bracket < 0 ? path : path.substring(0, bracket);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
