package com.slaledger.web;

import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.report.SlaReportService;
import com.slaledger.report.SlaWindowReport;
import com.slaledger.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A client's SLA over a quarter, a year or any range of days, beside the month page: the window picker's
 * target. {@code span=month} sends the browser to the month page; {@code quarter} and {@code year} take the
 * quarter or year of {@code start} (a month); {@code custom} takes {@code from} and {@code to} (dates in the
 * client's zone, {@code to} exclusive). The figures are {@link SlaReportService#clientWindow}'s.
 */
@Path("/clients/{key}/window")
@RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ClientWindowPages {

    /** What the picker offers. */
    public enum Span {
        MONTH, QUARTER, YEAR, CUSTOM
    }

    private final SlaReportService sla;

    public ClientWindowPages(SlaReportService sla) {
        this.sla = sla;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance window(WindowPage page);
    }

    /** @param title "2024 Q1", "2024", or "2024-01-15 to 2024-02-09" (the last day, inclusive, for people) */
    /** A currency's credit over the window; {@code provisional} while a month of it is not over. */
    public record CreditTotal(String amount, boolean provisional) {
    }

    public record WindowPage(String title, WindowPicker picker, SlaWindowReport report, List<CreditTotal> credits,
            List<Row> rows, String previousHref, String nextHref) {

        public String zone() {
            return report.client().timeZone();
        }

        public LocalDate lastDay() {
            return report.to().minusDays(1);
        }
    }

    /** A month of the window with its credit as people read money ("EUR 1,200.00"; a dash for a cut month). */
    public record Row(SlaWindowReport.MonthLine line, String credit) {
    }

    /** The picker's state, to show the current choice. */
    public record WindowPicker(String action, String span, YearMonth start, LocalDate from, LocalDate to) {

        public static WindowPicker forMonth(String clientKey, YearMonth month) {
            return new WindowPicker("/clients/" + clientKey + "/window", "month", month, month.atDay(1),
                    month.plusMonths(1).atDay(1));
        }
    }

    @GET
    public Response window(@PathParam("key") String key, @QueryParam("span") String span,
            @QueryParam("start") String start, @QueryParam("from") String from, @QueryParam("to") String to) {
        Instant now = Instant.now();
        List<FieldViolation> bad = new ArrayList<>();
        Span chosen = span(span, from, to, bad);
        YearMonth startMonth = month(start, now, bad);
        LocalDate windowFrom;
        LocalDate windowTo;
        String title;
        String previous = null;
        String next = null;
        String action = "/clients/" + key + "/window";
        switch (chosen) {
            case MONTH -> {
                return Response.seeOther(UriBuilder.fromPath("/clients/{key}").queryParam("month", startMonth)
                        .build(key)).build();
            }
            case QUARTER -> {
                YearMonth first = YearMonth.of(startMonth.getYear(), (startMonth.getMonthValue() - 1) / 3 * 3 + 1);
                windowFrom = first.atDay(1);
                windowTo = first.plusMonths(3).atDay(1);
                title = first.getYear() + " Q" + ((first.getMonthValue() - 1) / 3 + 1);
                previous = action + "?span=quarter&start=" + first.minusMonths(3);
                next = action + "?span=quarter&start=" + first.plusMonths(3);
            }
            case YEAR -> {
                windowFrom = LocalDate.of(startMonth.getYear(), 1, 1);
                windowTo = windowFrom.plusYears(1);
                title = Integer.toString(startMonth.getYear());
                previous = action + "?span=year&start=" + (startMonth.getYear() - 1) + "-01";
                next = action + "?span=year&start=" + (startMonth.getYear() + 1) + "-01";
            }
            default -> {
                windowFrom = date("from", from, bad);
                windowTo = date("to", to, bad);
                if (windowFrom != null && windowTo != null) {
                    if (!windowFrom.isBefore(windowTo)) {
                        bad.add(new FieldViolation("to", "must be after from"));
                    } else if (windowTo.isAfter(windowFrom.plusYears(SlaReportService.MAX_WINDOW_YEARS))) {
                        bad.add(new FieldViolation("to", "must be at most " + SlaReportService.MAX_WINDOW_YEARS
                                + " years after from"));
                    }
                }
                title = windowFrom + " to " + (windowTo == null ? "" : windowTo.minusDays(1));
            }
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        SlaWindowReport report = sla.clientWindow(key, windowFrom, windowTo, now);
        if (windowTo.isAfter(LocalDate.ofInstant(now, java.time.ZoneId.of(report.client().timeZone())))) {
            next = null; // the next window has not started in the client's zone: nothing to walk into
        }
        List<CreditTotal> credits = report.creditTotals().stream()
                .map(total -> new CreditTotal(CreditPages.money(total.creditAmount(), total.currency()),
                        total.provisional()))
                .toList();
        List<Row> rows = report.months().stream()
                .map(line -> new Row(line, CreditPages.money(line.creditAmount(), line.currency())))
                .toList();
        WindowPicker picker = new WindowPicker(action, chosen.name().toLowerCase(Locale.ROOT),
                YearMonth.from(windowFrom), windowFrom, windowTo);
        return Response.ok(Templates.window(new WindowPage(title, picker, report, credits, rows, previous, next)),
                MediaType.TEXT_HTML_TYPE).build();
    }

    private static Span span(String span, String from, String to, List<FieldViolation> bad) {
        if (span == null || span.isBlank()) {
            return from != null || to != null ? Span.CUSTOM : Span.QUARTER;
        }
        try {
            return Span.valueOf(span.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            bad.add(new FieldViolation("span", "must be month, quarter, year or custom"));
            return Span.QUARTER;
        }
    }

    private static YearMonth month(String start, Instant now, List<FieldViolation> bad) {
        if (start == null || start.isBlank()) {
            return YearMonth.from(now.atOffset(ZoneOffset.UTC));
        }
        try {
            return YearMonth.parse(start.strip());
        } catch (DateTimeParseException e) {
            bad.add(new FieldViolation("start", "must be a month as YYYY-MM"));
            return YearMonth.from(now.atOffset(ZoneOffset.UTC));
        }
    }

    private static LocalDate date(String name, String value, List<FieldViolation> bad) {
        if (value == null || value.isBlank()) {
            bad.add(new FieldViolation(name, "is required for a custom window"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            bad.add(new FieldViolation(name, "must be a date as YYYY-MM-DD"));
            return null;
        }
    }
}
