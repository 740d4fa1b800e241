package com.slaledger.web;

import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.maintenance.MaintenanceRecurrence;
import com.slaledger.maintenance.MaintenanceScope;
import com.slaledger.maintenance.MaintenanceWindowResponse;
import com.slaledger.maintenance.MaintenanceWindowService;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The maintenance pages of SREs and admins (SPEC "Who may do what": sre records and edits maintenance; the API
 * {@code /api/maintenance-windows} has the same roles): the windows newest first, filtered by a month or by
 * upcoming/past, and the forms that add, change and delete one. Every write goes through
 * {@link MaintenanceWindowService}, so the pages refuse what the API refuses; a form with mistakes comes back
 * with what was typed and each message beside its field. Times are shown and typed in a zone the viewer
 * chooses ({@code ?zone=}, UTC unless chosen), as on the incident pages.
 */
@Path("/maintenance")
@RolesAllowed({Role.SRE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class MaintenancePages {

    static final int PAGE_SIZE = 25;
    /** How many coming occurrences of a recurring window the pages show. */
    static final int NEXT_OCCURRENCES = 5;
    private static final Pattern SIZE = Pattern.compile("size must be between 0 and (\\d+)");
    private static final Pattern SCOPE_NAME = Pattern.compile("\\b(ALL_CLIENTS|CLIENTS|SERVICES)\\b");
    private static final Map<String, String> ITEM_NAMES = Map.of("clients", "client", "services", "service");

    /** The scopes as the form offers them, in the users' words. */
    static final List<ScopeChoice> SCOPES = List.of(
            new ScopeChoice(MaintenanceScope.ALL_CLIENTS.name(), "All clients", "every client, whatever it buys"),
            new ScopeChoice(MaintenanceScope.CLIENTS.name(), "These clients", "tick them below"),
            new ScopeChoice(MaintenanceScope.SERVICES.name(), "Clients of these services",
                    "every client whose contract covers a service ticked below"));

    private final MaintenanceWindowService windows;
    private final ClientService clients;
    private final ServiceCatalog services;

    public MaintenancePages(MaintenanceWindowService windows, ClientService clients, ServiceCatalog services) {
        this.windows = windows;
        this.clients = clients;
        this.services = services;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListPage page);

        static native TemplateInstance window(FormPage page);
    }

    /** One scope of the form: the {@link MaintenanceScope} name, its label and a hint. */
    public record ScopeChoice(String value, String label, String hint) {
    }

    /**
     * The list's query as typed: {@code when} is {@code upcoming} (not yet ended), {@code past} (ended) or null
     * (both); {@code month} a {@code YYYY-MM} in {@code zone}, the zone times are shown in.
     */
    public record Filter(String when, String month, String zone) {

        public boolean any() {
            return when != null || month != null || !zone.equals(IncidentPages.UTC);
        }

        public boolean upcoming() {
            return "upcoming".equals(when);
        }

        public boolean past() {
            return "past".equals(when);
        }
    }

    /**
     * A window as the list shows it: whom it concerns in words, and whether it is over. For a recurring window
     * {@code next} holds its next occurrences not yet ended (at most {@value #NEXT_OCCURRENCES}); empty otherwise,
     * and for a stored rule refused today, which is not expanded (its page says so, and its first occurrence
     * decides its state).
     */
    public record Row(MaintenanceWindowResponse window, String concerns, String state,
            List<MaintenanceRecurrence.Occurrence> next) {

        public Duration length() {
            return Duration.between(window.startsAt(), window.endsAt());
        }
    }

    public record ListPage(Filter filter, List<Row> windows, long totalItems, int page, int totalPages,
            String previousHref, String nextHref, List<String> zones) {
    }

    /** The window page: its form, and for a stored window ({@code window} not null) what it is now. */
    public record FormPage(MaintenanceWindowResponse window, Row row, MaintenanceForm form, FormErrors errors,
            String action, List<ClientResponse> clients, List<ServiceResponse> services, List<String> zones) {

        public boolean editing() {
            return window != null;
        }

        public List<ScopeChoice> scopes() {
            return SCOPES;
        }
    }

    /** The windows, newest first, 25 a page. A bad {@code when}, {@code month} or {@code page} is a 400 page. */
    @GET
    public TemplateInstance list(@QueryParam("when") String when, @QueryParam("month") String month,
            @QueryParam("zone") String zone, @QueryParam("page") String page) {
        Filter filter = new Filter(ServicePages.blankToNull(when), ServicePages.blankToNull(month), IncidentPages.zone(zone));
        List<FieldViolation> bad = new ArrayList<>();
        if (filter.when() != null && !filter.upcoming() && !filter.past()) {
            bad.add(new FieldViolation("when", "must be upcoming or past"));
        }
        YearMonth wantedMonth = null;
        if (filter.month() != null) {
            wantedMonth = InputLimits.month(filter.month()).orElse(null);
            if (wantedMonth == null) {
                bad.add(new FieldViolation("month", "must be " + InputLimits.monthRange()));
            }
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        ZoneId zoneId = ZoneId.of(filter.zone());
        Instant now = Instant.now();
        Instant from = wantedMonth == null ? null : wantedMonth.atDay(1).atStartOfDay(zoneId).toInstant();
        Instant to = wantedMonth == null ? null : wantedMonth.plusMonths(1).atDay(1).atStartOfDay(zoneId).toInstant();
        if (filter.upcoming()) {
            from = from == null || from.isBefore(now) ? now : from;
        }
        int pageNumber = strictPage(page);
        MaintenanceWindowService.WindowPage found = windows.newestFirst(from, to, filter.past() ? now : null, pageNumber - 1, PAGE_SIZE);
        Names names = names();
        List<Row> rows = found.items().stream().map(window -> row(window, names, now)).toList();
        String previous = pageNumber > 1 ? listHref(filter, pageNumber - 1) : null;
        String next = pageNumber < found.totalPages() ? listHref(filter, pageNumber + 1) : null;
        return Templates.list(new ListPage(filter, rows, found.totalItems(), pageNumber, found.totalPages(), previous,
                next, Zones.ALL));
    }

    @GET
    @Path("/new")
    public TemplateInstance newForm(@QueryParam("zone") String zone) {
        return Templates.window(windowPage(null, MaintenanceForm.empty(IncidentPages.zone(zone)), FormErrors.none()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam MaintenanceForm form) {
        return save(null, form);
    }

    /** One window: what it is, and its form. */
    @GET
    @Path("/{id}")
    public TemplateInstance window(@PathParam("id") long id, @QueryParam("zone") String zone) {
        MaintenanceWindowResponse window = require(id);
        return Templates.window(windowPage(window, MaintenanceForm.of(window, IncidentPages.zone(zone)),
                FormErrors.none()));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @BeanParam MaintenanceForm form) {
        return save(require(id), form);
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, @RestForm String zone) {
        if (!windows.delete(id)) {
            throw ProblemException.notFound("maintenance window", id);
        }
        return Response.seeOther(zoned(UriBuilder.fromPath("/maintenance"), zone).build()).build();
    }

    /**
     * Creates ({@code current} null) or replaces the window; answers a redirect to its page, or the form again
     * with every mistake: what could not be read, and what the service refuses of the rest.
     */
    private Response save(MaintenanceWindowResponse current, MaintenanceForm form) {
        MaintenanceForm.Parsed parsed = form.parse(current);
        FormErrors errors = parsed.errors();
        int status = 400;
        if (errors.isEmpty()) {
            try {
                long id = current == null ? windows.create(parsed.request()).window().id()
                        : windows.update(current.id(), parsed.request())
                                .orElseThrow(() -> ProblemException.notFound("maintenance window", current.id())).id();
                return Response.seeOther(zoned(UriBuilder.fromPath("/maintenance/{id}"), form.zone).build(id))
                        .build();
            } catch (ProblemException refused) {
                if (refused.violations().isEmpty()) {
                    throw refused;
                }
                status = refused.status();
                errors.addAll(readable(refused.violations(), form.zone), ITEM_NAMES);
            }
        } else {
            List<FieldViolation> more = windows.check(parsed.request()).stream()
                    .filter(violation -> !errors.has(IncidentPages.fieldOf(violation.field()))).toList();
            errors.addAll(readable(more, form.zone), ITEM_NAMES);
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.window(windowPage(current, form, errors))).build();
    }

    private MaintenanceWindowResponse require(long id) {
        return windows.find(id).orElseThrow(() -> ProblemException.notFound("maintenance window", id));
    }

    private FormPage windowPage(MaintenanceWindowResponse window, MaintenanceForm form, FormErrors errors) {
        String action = window == null ? "/maintenance" : "/maintenance/" + window.id();
        Row row = window == null ? null : row(window, names(), Instant.now());
        return new FormPage(window, row, form, errors, action, clients.list(null), services.list(), Zones.ALL);
    }

    /** Names of clients and services by key, to say whom a window concerns. */
    private record Names(Map<String, String> clients, Map<String, String> services) {
    }

    private Names names() {
        return new Names(
                clients.list(null).stream().collect(Collectors.toMap(ClientResponse::key, ClientResponse::name)),
                services.list().stream().collect(Collectors.toMap(ServiceResponse::key, ServiceResponse::name)));
    }

    private static Row row(MaintenanceWindowResponse window, Names names, Instant now) {
        String concerns = switch (window.scope()) {
            case ALL_CLIENTS -> "All clients";
            case CLIENTS -> "Clients: " + named(window.clients(), names.clients()::get);
            case SERVICES -> "Clients of services: " + named(window.services(), names.services()::get);
        };
        List<MaintenanceRecurrence.Occurrence> next = window.recurrenceRule()
                .map(rule -> rule.next(now, NEXT_OCCURRENCES)).orElse(List.of());
        Instant start = window.startsAt();
        Instant end = window.endsAt();
        if (window.recurring() && !window.ruleRefused()) {
            // a rule is over when no occurrence is left, under way while its next one is
            start = next.isEmpty() ? now : next.get(0).start();
            end = next.isEmpty() ? now : next.get(0).end();
        }
        String state = !end.isAfter(now) ? "past" : start.isAfter(now) ? "upcoming" : "under way";
        return new Row(window, concerns, state, next);
    }

    private static String named(List<String> keys, Function<String, String> name) {
        return keys.stream().map(key -> name.apply(key) == null ? key : name.apply(key))
                .collect(Collectors.joining(", "));
    }

    /**
     * The service's messages in the words of the form: "is required", the start and the end, the scopes by
     * their labels, lengths as a limit, instants in the form's zone.
     */
    static List<FieldViolation> readable(List<FieldViolation> violations, String zone) {
        return violations.stream().map(violation -> {
            String message = IncidentPages.readable(violation, zone).message()
                    .replace("startsAt", "the start").replace("endsAt", "the end");
            Matcher size = SIZE.matcher(message);
            if (size.matches()) {
                message = "must be at most " + size.group(1) + " characters";
            }
            Matcher scope = SCOPE_NAME.matcher(message);
            StringBuilder out = new StringBuilder();
            while (scope.find()) {
                String label = SCOPES.stream().filter(choice -> choice.value().equals(scope.group(1))).findFirst()
                        .orElseThrow().label();
                scope.appendReplacement(out, Matcher.quoteReplacement("“" + label + "”"));
            }
            scope.appendTail(out);
            return new FieldViolation(violation.field(), out.toString());
        }).toList();
    }

    /** The 1-based page asked for; anything but a whole number from 1 (up to a million) is a 400 page. */
    private static int strictPage(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int parsed = Integer.parseInt(page.strip());
            if (parsed >= 1 && parsed <= 1_000_000) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw ProblemException.badParameter("page", "must be a whole number from 1 to 1,000,000");
    }

    static String listHref(Filter filter, int page) {
        UriBuilder href = UriBuilder.fromPath("/maintenance");
        if (filter.when() != null) {
            href.queryParam("when", filter.when());
        }
        if (filter.month() != null) {
            href.queryParam("month", filter.month());
        }
        return zoned(href, filter.zone()).queryParam("page", page).build().toString();
    }

    /** The link with {@code ?zone=} when the zone shown is not UTC. */
    private static UriBuilder zoned(UriBuilder href, String zone) {
        String shown = IncidentPages.zone(zone);
        return shown.equals(IncidentPages.UTC) ? href : href.queryParam("zone", shown);
    }
}
