package com.slaledger.web;

import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.report.ReliabilityGrouping;
import com.slaledger.report.ReliabilityReport;
import com.slaledger.report.ReliabilityReportService;
import com.slaledger.report.TrendReport;
import com.slaledger.report.TrendReportService;
import com.slaledger.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.math.BigDecimal;
import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.service.ServiceCatalog;
import com.slaledger.service.ServiceResponse;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** SRE's view: MTTD, MTTA and MTTR (median, p90, mean) over the incidents started in a range of UTC days, grouped. */
@Path("/reliability")
@RolesAllowed({Role.SRE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ReliabilityPages {

    static final int DEFAULT_DAYS = 90;
    static final List<ReliabilityGrouping> GROUPINGS = List.of(ReliabilityGrouping.SERVICE,
            ReliabilityGrouping.SEVERITY, ReliabilityGrouping.MONTH, ReliabilityGrouping.NONE);

    static final int TREND_MONTHS = 12;

    private final ReliabilityReportService reliability;
    private final TrendReportService trends;

    private final ServiceCatalog services;
    private final ClientService clients;

    public ReliabilityPages(ReliabilityReportService reliability, TrendReportService trends, ServiceCatalog services,
            ClientService clients) {
        this.reliability = reliability;
        this.trends = trends;
        this.services = services;
        this.clients = clients;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reliability(ReliabilityPage page);
    }

    /** {@code from} and {@code to} are UTC days, both included. */
    /**
     * @param trendService the service the trends are limited to, or null; {@code trendClient} likewise
     */
    public record ReliabilityPage(LocalDate from, LocalDate to, String groupBy, List<ReliabilityGrouping> groupings,
            ReliabilityReport report, List<TrendChart> trends, String trendService, String trendClient,
            String trendZone, List<ServiceResponse> services, List<ClientResponse> clients) {

        /** The incident list behind a row of the table: the same range, narrowed to the row's group. */
        public String groupHref(String key) {
            String range = "from=" + from + "&to=" + to;
            return switch (groupBy) {
                case "service" -> "/incidents?service=" + key + "&" + range;
                case "severity" -> "/incidents?severity=" + key + "&" + range;
                case "month" -> {
                    try {
                        YearMonth month = YearMonth.parse(key);
                        LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
                        LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
                        yield "/incidents?from=" + first + "&to=" + last;
                    } catch (java.time.format.DateTimeParseException e) {
                        yield "/incidents?" + range;
                    }
                }
                default -> "/incidents?" + range;
            };
        }

        /** The incidents of a service in the range: the drill-down of "services with the most downtime". */
        public String serviceHref(String service) {
            return "/incidents?service=" + service + "&from=" + from + "&to=" + to;
        }
    }

    @GET
    public TemplateInstance reliability(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy, @QueryParam("trendService") String trendService,
            @QueryParam("trendClient") String trendClient) {
        List<FieldViolation> bad = new ArrayList<>();
        String service = trendService == null || trendService.isBlank() ? null : trendService.strip();
        String client = trendClient == null || trendClient.isBlank() ? null : trendClient.strip();
        if (service != null && service.length() > 64) {
            bad.add(new FieldViolation("trendService", "must be a service key of at most 64 characters"));
            service = null;
        }
        if (client != null && client.length() > 64) {
            bad.add(new FieldViolation("trendClient", "must be a client key of at most 64 characters"));
            client = null;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate last = day("to", to, today, bad);
        LocalDate first = day("from", from, last.minusDays(DEFAULT_DAYS - 1L), bad);
        ReliabilityGrouping grouping = ReliabilityGrouping.SERVICE;
        if (groupBy != null && !groupBy.isBlank()) {
            try {
                grouping = ReliabilityGrouping.valueOf(groupBy.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                bad.add(new FieldViolation("groupBy", "must be one of service, severity, month, none"));
            }
        }
        if (bad.isEmpty() && first.isAfter(last)) {
            bad.add(new FieldViolation("from", "must not be after to (" + last + ")"));
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = Instant.now();
        ReliabilityReport report = reliability.report(start, end, grouping, now);
        // complete months for the charts and their regressions; the month under way apart, "so far"
        TrendReport complete = trends.completeMonths(TREND_MONTHS, service, client, now);
        TrendReport current = trends.report(1, service, client, now);
        return Templates.reliability(new ReliabilityPage(first, last, grouping.name().toLowerCase(Locale.ROOT),
                GROUPINGS, report, charts(complete, current), service, client, complete.zone(), services.list(),
                clients.list(null)));
    }

    /** One chart per series of the complete months, with the verdict in words and the month so far apart. */
    static List<TrendChart> charts(TrendReport complete, TrendReport current) {
        return complete.series().stream().map(series -> {
            TrendReport.Series now = current == null ? null : current.series().stream()
                    .filter(s -> s.metric() == series.metric()).findFirst().orElse(null);
            return switch (series.metric()) {
                case INCIDENT_COUNT -> TrendChart.of(series, "Incidents", BigDecimal::toPlainString, now);
                case DOWNTIME_SECONDS -> TrendChart.of(series, "Downtime", Formats::duration, now);
                case AVAILABILITY_PERCENT -> TrendChart.of(series, "Availability",
                        value -> Formats.availability(value), now);
                case MTTA_SECONDS -> TrendChart.of(series, "MTTA (mean)", Formats::duration, now);
                case MTTR_SECONDS -> TrendChart.of(series, "MTTR (mean)", Formats::duration, now);
            };
        }).toList();
    }

    private static LocalDate day(String name, String value, LocalDate otherwise, List<FieldViolation> bad) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        Optional<LocalDate> day = InputLimits.date(value);
        if (day.isEmpty()) {
            bad.add(new FieldViolation(name, "must be " + InputLimits.dateRange()));
        }
        return day.orElse(otherwise);
    }
}
