package com.slaledger.web;

import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.incident.IncidentResponse;
import com.slaledger.incident.IncidentService.IncidentFilter;
import com.slaledger.incident.IncidentService.IncidentPage;
import com.slaledger.incident.IncidentService.Step;
import com.slaledger.incident.IncidentService;
import com.slaledger.incident.Severity;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.TimeZones;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The incident pages: the filtered list, one incident with its timeline, and the forms that record
 * and edit incidents and stamp their lifecycle. Every write is a POST answered with a redirect
 * (post/redirect/get); a form with mistakes comes back with the messages beside the fields.
 */
@Path("/incidents")
@RolesAllowed({Role.SRE, Role.ACCOUNT_MANAGER, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class IncidentPages {

    static final int PAGE_SIZE = 25;

    private final StaleRule stale;
    static final String UTC = "UTC";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z");
    private static final Map<String, String> FIELD_LABELS = Map.of(
            "startedAt", "Started", "detectedAt", "Detected", "acknowledgedAt", "Acknowledged",
            "mitigatedAt", "Mitigated", "resolvedAt", "Resolved");

    private final IncidentService incidents;
    private final ClientService clients;
    private final ServiceCatalog services;

    public IncidentPages(IncidentService incidents, ClientService clients, ServiceCatalog services, StaleRule stale) {
        this.stale = stale;
        this.incidents = incidents;
        this.clients = clients;
        this.services = services;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListPage page);

        static native TemplateInstance detail(DetailPage page);

        static native TemplateInstance form(FormPage page);
    }

    /** The filter as typed, echoed into the filter form and the paging links. */
    /**
     * The list's query as typed: {@code open} is {@code true} (open only), {@code false} (closed only) or null
     * (both); {@code q} words to find in the title or summary; {@code sort} started, duration or severity.
     */
    public record Filter(String client, String service, String severity, String from, String to, String open,
            String q, String sort) {

        public boolean any() {
            return client != null || service != null || severity != null || from != null || to != null
                    || open != null || q != null || sort != null;
        }

        public boolean openOnly() {
            return "true".equals(open);
        }

        public boolean closedOnly() {
            return "false".equals(open);
        }
    }

    /** One way of ordering the list, for the sort menu. */
    public record SortChoice(String value, String label) {
    }

    static final List<SortChoice> SORTS = List.of(new SortChoice("started", "Newest first"),
            new SortChoice("duration", "Longest first"), new SortChoice("severity", "Most severe first"));

    public record ListPage(Filter filter, List<IncidentResponse> incidents, String zone, long totalItems,
            int page, int totalPages, int firstShown, int lastShown, String previousHref, String nextHref,
            String exportHref, List<ClientResponse> clients, List<ServiceResponse> services, List<Severity> severities,
            Instant staleBefore, int staleAfterDays) {

        /** Open, and started more than {@code staleAfterDays} days ago. */
        public boolean isStale(IncidentResponse incident) {
            return incident.resolvedAt() == null && incident.startedAt().isBefore(staleBefore);
        }

        public List<SortChoice> sorts() {
            return SORTS;
        }
    }

    public record DetailPage(IncidentResponse incident, TimelineChart chart, String zone, List<String> zones,
            List<ServiceResponse> services, List<ClientResponse> clients, String problem) {

        /** The lifecycle steps still open, offered as buttons. */
        public List<StepButton> steps() {
            List<StepButton> steps = new ArrayList<>();
            if (incident.acknowledgedAt() == null) {
                steps.add(new StepButton("acknowledge", "Acknowledge now"));
            }
            if (incident.mitigatedAt() == null) {
                steps.add(new StepButton("mitigate", "Mitigated now"));
            }
            if (incident.resolvedAt() == null) {
                steps.add(new StepButton("resolve", "Resolve now"));
            }
            return steps;
        }

        public String zoneQuery() {
            return zone.equals(UTC) ? "" : "?zone=" + zone;
        }
    }

    public record StepButton(String path, String label) {
    }

    public record FormPage(IncidentForm form, FormErrors errors, Long id, String action,
            List<ServiceResponse> services, List<ClientResponse> clients, List<String> zones,
            List<Severity> severities) {

        public boolean editing() {
            return id != null;
        }
    }

    @GET
    public TemplateInstance list(@QueryParam("client") String client, @QueryParam("service") String service,
            @QueryParam("severity") String severity, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("open") String open, @QueryParam("q") String q, @QueryParam("sort") String sort,
            @QueryParam("page") String page) {
        Filter filter = new Filter(blankToNull(client), blankToNull(service), blankToNull(severity),
                blankToNull(from), blankToNull(to), blankToNull(open), blankToNull(q), blankToNull(sort));
        // dates are days in the client's zone when a client is in view, else in UTC
        String zone = Optional.ofNullable(filter.client()).flatMap(clients::find).map(ClientResponse::timeZone)
                .orElse(UTC);
        ZoneId zoneId = ZoneId.of(zone);
        List<FieldViolation> bad = new ArrayList<>();
        Severity wantedSeverity = null;
        if (filter.severity() != null) {
            try {
                wantedSeverity = Severity.valueOf(filter.severity());
            } catch (IllegalArgumentException e) {
                bad.add(new FieldViolation("severity", "must be one of SEV1, SEV2, SEV3, SEV4"));
            }
        }
        LocalDate fromDate = date("from", filter.from(), bad);
        LocalDate toDate = date("to", filter.to(), bad);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            bad.add(new FieldViolation("to", "must not be before from"));
        }
        Boolean wantedOpen = null;
        if (filter.open() != null) {
            if (filter.openOnly() || filter.closedOnly()) {
                wantedOpen = filter.openOnly();
            } else {
                bad.add(new FieldViolation("open", "must be true (open only) or false (closed only)"));
            }
        }
        if (filter.q() != null && filter.q().length() > IncidentService.MAX_SEARCH_LENGTH) {
            bad.add(new FieldViolation("q", "must be at most " + IncidentService.MAX_SEARCH_LENGTH + " characters"));
        }
        IncidentService.IncidentOrder order = com.slaledger.incident.IncidentResource.parseOrder(filter.sort(), bad);
        int pageNumber = 1;
        if (page != null && !page.isBlank()) {
            try {
                pageNumber = Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                pageNumber = 0;
            }
            if (pageNumber < 1) {
                bad.add(new FieldViolation("page", "must be a whole number from 1"));
            }
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        Instant fromInstant = fromDate == null ? null : fromDate.atStartOfDay(zoneId).toInstant();
        // the "to" day is included: the range ends where the next day starts
        Instant toInstant = toDate == null ? null : toDate.plusDays(1).atStartOfDay(zoneId).toInstant();
        IncidentPage result = incidents.list(new IncidentFilter(filter.client(), filter.service(), wantedSeverity,
                fromInstant, toInstant, wantedOpen, filter.q(), order), pageNumber - 1, PAGE_SIZE);
        int firstShown = result.items().isEmpty() ? 0 : (pageNumber - 1) * PAGE_SIZE + 1;
        int lastShown = firstShown == 0 ? 0 : firstShown + result.items().size() - 1;
        String previous = pageNumber > 1 ? listHref(filter, pageNumber - 1) : null;
        String next = pageNumber < result.totalPages() ? listHref(filter, pageNumber + 1) : null;
        return Templates.list(new ListPage(filter, result.items(), zone, result.totalItems(), pageNumber,
                result.totalPages(), firstShown, lastShown, previous, next,
                exportHref(filter, fromInstant, toInstant), clients.list(null), services.list(),
                List.of(Severity.values()), stale.startedBefore(Instant.now()), stale.days()));
    }

    @GET
    @Path("/new")
    @RolesAllowed({Role.SRE, Role.ADMIN})
    public TemplateInstance newForm() {
        return Templates.form(formPage(IncidentForm.empty(newExternalId()), FormErrors.none(), null));
    }

    @POST
    @RolesAllowed({Role.SRE, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam IncidentForm form) {
        IncidentForm.Parsed parsed = form.parse();
        FormErrors errors = parsed.errors();
        int status = 400;
        if (errors.isEmpty()) {
            try {
                return detailRedirect(incidents.create(parsed.request()).incident().id(), form.zone);
            } catch (ProblemException e) {
                status = e.status();
                addProblem(errors, e, form.zone);
            }
        } else {
            addChecks(errors, parsed, form.zone);
        }
        return Response.status(status).entity(Templates.form(formPage(form, errors, null))).build();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("zone") String zone) {
        return Templates.detail(detailPage(require(id), zone(zone), null));
    }

    @GET
    @Path("/{id}/edit")
    @RolesAllowed({Role.SRE, Role.ADMIN})
    public TemplateInstance editForm(@PathParam("id") long id, @QueryParam("zone") String zone) {
        return Templates.form(formPage(IncidentForm.of(require(id), zone(zone)), FormErrors.none(), id));
    }

    @POST
    @RolesAllowed({Role.SRE, Role.ADMIN})
    @Path("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @BeanParam IncidentForm form) {
        IncidentResponse current = require(id);
        // the key identifies the incident across retries and imports; the form shows it, never changes it
        form.source = current.source();
        form.externalId = current.externalId();
        IncidentForm.Parsed parsed = form.parse(current);
        FormErrors errors = parsed.errors();
        int status = 400;
        if (errors.isEmpty()) {
            try {
                incidents.upsert(current.source(), current.externalId(), parsed.request());
                return detailRedirect(id, form.zone);
            } catch (ProblemException e) {
                status = e.status();
                addProblem(errors, e, form.zone);
            }
        } else {
            addChecks(errors, parsed, form.zone);
        }
        return Response.status(status).entity(Templates.form(formPage(form, errors, id))).build();
    }

    /** The buttons of the detail page: acknowledge, mitigate or resolve now. */
    @POST
    @RolesAllowed({Role.SRE, Role.ADMIN})
    @Path("/{id}/{step: acknowledge|mitigate|resolve}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stamp(@PathParam("id") long id, @PathParam("step") String step, @RestForm String zone) {
        String shownZone = zone(zone);
        Step wanted = switch (step) {
            case "acknowledge" -> Step.ACKNOWLEDGE;
            case "mitigate" -> Step.MITIGATE;
            default -> Step.RESOLVE;
        };
        try {
            incidents.stamp(id, wanted, null).orElseThrow(() -> ProblemException.notFound("incident", id));
            return detailRedirect(id, shownZone);
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            String problem = "Could not mark the incident as " + pastTense(wanted) + " now: "
                    + String.join("; ", e.violations().stream()
                            .map(v -> readable(FIELD_LABELS.getOrDefault(v.field(), v.field()) + " "
                                    + v.message(), shownZone))
                            .toList())
                    + ". Correct the times with Edit.";
            return Response.status(409).entity(Templates.detail(detailPage(require(id), shownZone, problem)))
                    .build();
        }
    }

    private IncidentResponse require(long id) {
        return incidents.find(id).orElseThrow(() -> ProblemException.notFound("incident", id));
    }

    private DetailPage detailPage(IncidentResponse incident, String zone, String problem) {
        List<ServiceResponse> affectedServices = incident.affectedServices().stream()
                .flatMap(key -> services.find(key).stream()).toList();
        List<ClientResponse> affectedClients = incident.affectedClients().stream()
                .flatMap(key -> clients.find(key).stream()).toList();
        return new DetailPage(incident, TimelineChart.of(incident, ZoneId.of(zone), Instant.now()), zone,
                Zones.ALL, affectedServices, affectedClients, problem);
    }

    private FormPage formPage(IncidentForm form, FormErrors errors, Long id) {
        String action = id == null ? "/incidents" : "/incidents/" + id + "/edit";
        return new FormPage(form, errors, id, action, services.list(), clients.list(null), Zones.ALL,
                List.of(Severity.values()));
    }

    /** What the service refused, beside the fields; a refusal without fields goes above the form. */
    private static void addProblem(FormErrors errors, ProblemException e, String zone) {
        if (e.violations().isEmpty()) {
            errors.add("form", e.getMessage());
            return;
        }
        errors.addAll(e.violations().stream().map(v -> readable(v, zone)).toList(), IncidentForm.ITEM_NAMES);
    }

    /** With fields that could not be read, the service still checks the rest, so every mistake shows at once. */
    private void addChecks(FormErrors errors, IncidentForm.Parsed parsed, String zone) {
        List<FieldViolation> more = incidents.check(parsed.request()).stream()
                .filter(v -> !errors.has(fieldOf(v.field())))
                .map(v -> readable(v, zone)).toList();
        errors.addAll(more, IncidentForm.ITEM_NAMES);
    }

    static String fieldOf(String path) {
        int bracket = path.indexOf('[');
        return bracket < 0 ? path : path.substring(0, bracket);
    }

    /** A service's message in the words of the form: labels for field names, instants in the form's zone. */
    static FieldViolation readable(FieldViolation violation, String zone) {
        return new FieldViolation(violation.field(), readable(violation.message(), zone));
    }

    static String readable(String message, String zone) {
        if (message.equals("must not be null") || message.equals("must not be blank")) {
            return "is required";
        }
        String text = message;
        for (Map.Entry<String, String> label : FIELD_LABELS.entrySet()) {
            text = text.replace(label.getKey(), label.getValue());
        }
        Matcher instants = ISO_INSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (instants.find()) {
            String shown;
            try {
                shown = Formats.inZone(Instant.parse(instants.group()), zone(zone));
            } catch (DateTimeParseException e) {
                shown = instants.group();
            }
            instants.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        instants.appendTail(out);
        return out.toString();
    }

    private static Response detailRedirect(long id, String zone) {
        UriBuilder target = UriBuilder.fromPath("/incidents/{id}");
        String shown = zone(zone);
        if (!shown.equals(UTC)) {
            target.queryParam("zone", shown);
        }
        return Response.seeOther(target.build(id)).build();
    }

    static String listHref(Filter filter, int page) {
        UriBuilder href = UriBuilder.fromPath("/incidents");
        Stream.of(new String[] {"client", filter.client()}, new String[] {"service", filter.service()},
                new String[] {"severity", filter.severity()}, new String[] {"from", filter.from()},
                new String[] {"to", filter.to()}, new String[] {"open", filter.open()},
                new String[] {"q", filter.q()}, new String[] {"sort", filter.sort()})
                .filter(pair -> pair[1] != null)
                .forEach(pair -> href.queryParam(pair[0], pair[1]));
        href.queryParam("page", page);
        URI uri = href.build();
        return uri.toString();
    }

    /** The CSV export of what the list shows: the same filters, its days as the instants they start and end. */
    static String exportHref(Filter filter, Instant from, Instant to) {
        UriBuilder href = UriBuilder.fromPath("/api/incidents/export");
        Stream.of(new String[] {"client", filter.client()}, new String[] {"service", filter.service()},
                new String[] {"severity", filter.severity()},
                new String[] {"from", from == null ? null : from.toString()},
                new String[] {"to", to == null ? null : to.toString()}, new String[] {"open", filter.open()},
                new String[] {"q", filter.q()}, new String[] {"sort", filter.sort()})
                .filter(pair -> pair[1] != null && !pair[1].isBlank())
                .forEach(pair -> href.queryParam(pair[0], pair[1]));
        return href.build().toString();
    }

    /** A zone for reading times: a known IANA name, else UTC. */
    static String zone(String zone) {
        return zone != null && TimeZones.isKnown(zone.strip()) ? zone.strip() : UTC;
    }

    private static LocalDate date(String field, String value, List<FieldViolation> bad) {
        if (value == null) {
            return null;
        }
        Optional<LocalDate> date = InputLimits.date(value);
        if (date.isEmpty()) {
            bad.add(new FieldViolation(field, "must be " + InputLimits.dateRange() + ", got '"
                    + InputLimits.echo(value) + "'"));
        }
        return date.orElse(null);
    }

    private static String pastTense(Step step) {
        return switch (step) {
            case ACKNOWLEDGE -> "acknowledged";
            case MITIGATE -> "mitigated";
            case RESOLVE -> "resolved";
        };
    }

    private static String newExternalId() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return "web-" + HexFormat.of().formatHex(bytes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
