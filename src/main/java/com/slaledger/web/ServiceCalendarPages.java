package com.slaledger.web;

import com.slaledger.calendar.ServiceCalendarChange;
import com.slaledger.calendar.ServiceCalendarRequest;
import com.slaledger.calendar.ServiceCalendarResponse;
import com.slaledger.calendar.ServiceCalendarService;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The service calendar pages: every calendar with its weekly hours and holidays, for whoever reads SLA reports
 * (as {@code /api/service-calendars}); admins add, change and delete them through a form whose weekly hours are
 * one range a line, {@code MONDAY 08:00-18:00}. Writes go through {@link ServiceCalendarService}, so the pages
 * refuse what the API refuses, each message beside its field. A calendar's page ends with its history: who changed
 * which field from what to what, and when (the audit trail's entries for it).
 */
@Path("/service-calendars")
@RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ServiceCalendarPages {

    private static final Pattern LINE = Pattern.compile("(\\S+)\\s+(\\S+)\\s*-\\s*(\\S+)");

    private final ServiceCalendarService calendars;
    private final SecurityIdentity caller;

    public ServiceCalendarPages(ServiceCalendarService calendars, SecurityIdentity caller) {
        this.calendars = calendars;
        this.caller = caller;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListPage page);

        static native TemplateInstance calendar(FormPage page);
    }

    public record ListPage(List<ServiceCalendarResponse> calendars, boolean edits) {
    }

    /**
     * A calendar's page ({@code calendar} null for a new one) with its recorded changes, newest first (empty for
     * a new one), and, for an admin, its form.
     */
    public record FormPage(ServiceCalendarResponse calendar, CalendarForm form, FormErrors errors, boolean edits,
            List<ServiceCalendarChange> history) {

        public boolean editing() {
            return calendar != null;
        }

        public String action() {
            return calendar == null ? "/service-calendars" : "/service-calendars/" + calendar.key();
        }
    }

    /** The form as typed: weekly hours one range a line, custom holidays separated by spaces or lines. */
    public static class CalendarForm {
        @RestForm
        public String key;
        @RestForm
        public String name;
        @RestForm
        public String weeklyHours;
        @RestForm
        public String holidayCountry;
        @RestForm
        public String holidaySubdivision;
        @RestForm
        public String customHolidays;

        static CalendarForm of(ServiceCalendarResponse calendar) {
            CalendarForm form = new CalendarForm();
            form.key = calendar.key();
            form.name = calendar.name();
            form.weeklyHours = String.join("\n", calendar.weeklyHoursText());
            form.holidayCountry = calendar.holidayCountry();
            form.holidaySubdivision = calendar.holidaySubdivision();
            form.customHolidays = calendar.customHolidays().stream().map(LocalDate::toString)
                    .collect(Collectors.joining(" "));
            return form;
        }

        static CalendarForm empty() {
            CalendarForm form = new CalendarForm();
            form.weeklyHours = String.join("\n", List.of("MONDAY 08:00-18:00", "TUESDAY 08:00-18:00",
                    "WEDNESDAY 08:00-18:00", "THURSDAY 08:00-18:00", "FRIDAY 08:00-18:00"));
            return form;
        }

        /** The request, with what could not be read added to {@code errors}. */
        ServiceCalendarRequest parse(FormErrors errors) {
            List<ServiceCalendarRequest.Range> ranges = new ArrayList<>();
            String[] lines = weeklyHours == null ? new String[0] : weeklyHours.strip().split("\\R");
            if (lines.length > ServiceCalendarRequest.MAX_RANGES) {
                errors.add("weeklyHours", "must be at most " + ServiceCalendarRequest.MAX_RANGES + " lines");
                lines = new String[0];
            }
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                Matcher matcher = LINE.matcher(lines[i].strip());
                if (matcher.matches()) {
                    ranges.add(new ServiceCalendarRequest.Range(matcher.group(1), matcher.group(2), matcher.group(3)));
                } else {
                    errors.add("weeklyHours", "line " + (i + 1) + ": must look like MONDAY 08:00-18:00");
                }
            }
            List<LocalDate> dates = DateListField.parse("customHolidays", customHolidays, errors);
            return new ServiceCalendarRequest(blankToNull(key), blankToNull(name), ranges,
                    blankToNull(holidayCountry), blankToNull(holidaySubdivision), dates);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(new ListPage(calendars.list(), edits()));
    }

    @GET
    @Path("/new")
    @RolesAllowed(Role.ADMIN)
    public TemplateInstance newForm() {
        return Templates.calendar(new FormPage(null, CalendarForm.empty(), FormErrors.none(), true, List.of()));
    }

    @GET
    @Path("/{key}")
    public TemplateInstance calendar(@PathParam("key") String key) {
        ServiceCalendarResponse calendar = require(key);
        return Templates.calendar(new FormPage(calendar, CalendarForm.of(calendar), FormErrors.none(), edits(),
                history(calendar)));
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam CalendarForm form) {
        return save(null, form);
    }

    @POST
    @Path("/{key}")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("key") String key, @BeanParam CalendarForm form) {
        return save(require(key), form);
    }

    @POST
    @Path("/{key}/delete")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("key") String key) {
        if (!calendars.delete(key)) {
            throw ProblemException.notFound("service calendar", key);
        }
        return Response.seeOther(UriBuilder.fromPath("/service-calendars").build()).build();
    }

    private Response save(ServiceCalendarResponse current, CalendarForm form) {
        FormErrors errors = FormErrors.none();
        ServiceCalendarRequest request = form.parse(errors);
        int status = 400;
        if (errors.isEmpty()) {
            try {
                String key = current == null ? calendars.create(request).key()
                        : calendars.update(current.key(), request)
                                .orElseThrow(() -> ProblemException.notFound("service calendar", current.key())).key();
                return Response.seeOther(UriBuilder.fromPath("/service-calendars/{key}").build(key)).build();
            } catch (ProblemException refused) {
                if (refused.violations().isEmpty() && refused.status() != 409) {
                    throw refused;
                }
                status = refused.status();
                if (refused.violations().isEmpty()) {
                    errors.add("key", refused.getMessage());
                }
                errors.addAll(refused.violations(), Map.of("weeklyHours", "line", "customHolidays", "date"));
            }
        } else {
            List<FieldViolation> more = calendars.check(request).stream()
                    .filter(violation -> !errors.has(IncidentPages.fieldOf(violation.field()))).toList();
            errors.addAll(more, Map.of("weeklyHours", "line", "customHolidays", "date"));
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.calendar(new FormPage(current, form, errors, true,
                        current == null ? List.of() : history(current)))).build();
    }

    private ServiceCalendarResponse require(String key) {
        return calendars.find(key).orElseThrow(() -> ProblemException.notFound("service calendar", key));
    }

    private List<ServiceCalendarChange> history(ServiceCalendarResponse calendar) {
        return calendars.history(calendar.key()).orElse(List.of());
    }

    private boolean edits() {
        return caller.hasRole(Role.ADMIN);
    }
}
