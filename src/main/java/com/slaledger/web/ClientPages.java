package com.slaledger.web;

import com.slaledger.incident.IncidentResponse;
import com.slaledger.incident.IncidentService;
import com.slaledger.platform.ProblemException;
import com.slaledger.report.ClientSlaReport;
import com.slaledger.report.FleetSlaReport;
import com.slaledger.report.SlaReportService;
import com.slaledger.security.Role;
import com.slaledger.service.ServiceCatalog;
import com.slaledger.service.ServiceResponse;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The clients with this month's SLA standing, one client's month with its chart, and the printable impact report. */
@Path("/clients")
@RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ClientPages {

    static final int CHART_MONTHS = 12;

    private final SlaReportService sla;
    private final IncidentService incidents;
    private final ServiceCatalog services;

    public ClientPages(SlaReportService sla, IncidentService incidents, ServiceCatalog services) {
        this.sla = sla;
        this.incidents = incidents;
        this.services = services;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListPage page);

        static native TemplateInstance month(MonthPage page);

        static native TemplateInstance report(ReportPage page);
    }

    public record ListPage(YearMonth month, FleetSlaReport report) {
    }

    public record MonthPage(YearMonth month, ClientSlaReport report, String credit, String fee,
            AvailabilityChart chart, List<AvailabilityChart.Month> history) {

        public String zone() {
            return report.client().timeZone();
        }

        public String pickerAction() {
            return "/clients/" + report.client().key();
        }

        /** The quarter / year / custom window chooser, set to this month. */
        public ClientWindowPages.WindowPicker windowPicker() {
            return ClientWindowPages.WindowPicker.forMonth(report.client().key(), month);
        }

        /** Share of the budget used, in percent, floored; more than 100 when overspent. */
        public String budgetUsedPercent() {
            BigDecimal allowed = report.budget().allowedSeconds();
            if (allowed == null || allowed.signum() == 0) {
                return Formats.NONE;
            }
            return report.budget().consumedSeconds().multiply(new BigDecimal("100"))
                    .divide(allowed, 0, java.math.RoundingMode.FLOOR).toPlainString() + " %";
        }
    }

    /**
     * An incident of the report with what the customer should read about it; {@code details} null if not
     * visible. {@code serviceNames}: the affected services this client's contract covers, by name.
     */
    public record ReportIncident(ClientSlaReport.IncidentLine line, IncidentResponse details,
            List<String> serviceNames) {

        /** How long the customer impact lasted (to asOf while ongoing), in seconds. */
        public BigDecimal impactSeconds(Instant asOf) {
            Instant end = line.ongoing() ? asOf : line.impactEndedAt();
            return BigDecimal.valueOf(Duration.between(line.startedAt(), end).toSeconds());
        }
    }

    /**
     * What of the internal record goes into a report meant for the client: by default none of severity, root
     * cause and the timeline's notes; {@code include=severity}, {@code include=rootCause},
     * {@code include=timeline} put each back.
     */
    public record ReportOptions(boolean severity, boolean rootCause, boolean timeline) {

        static ReportOptions of(List<String> include) {
            List<String> wanted = include == null ? List.of() : include;
            return new ReportOptions(wanted.contains("severity"), wanted.contains("rootCause"),
                    wanted.contains("timeline"));
        }
    }

    /** @param issued the day the report is issued, in the client's zone */
    public record ReportPage(YearMonth month, ClientSlaReport report, String credit, List<ReportIncident> incidents,
            AvailabilityChart chart, LocalDate issued, ReportOptions options) {

        public String zone() {
            return report.client().timeZone();
        }
    }

    @GET
    public TemplateInstance list(@QueryParam("month") String month) {
        Instant now = Instant.now();
        YearMonth wanted = PageMonths.parse(month, now);
        return Templates.list(new ListPage(wanted, sla.allClients(wanted, now)));
    }

    @GET
    @Path("/{key}")
    public TemplateInstance month(@PathParam("key") String key, @QueryParam("month") String month) {
        Instant now = Instant.now();
        YearMonth wanted = month == null || month.isBlank() ? null : PageMonths.parse(month, now);
        ClientSlaReport report = sla.clientMonth(key, wanted, now);
        YearMonth shown = YearMonth.parse(report.month());
        List<AvailabilityChart.Month> history = history(key, shown, report, now);
        return Templates.month(new MonthPage(shown, report, CreditPages.money(report.creditAmount(), report.currency()),
                Formats.money(report.contract().monthlyFee().amount(), report.contract().monthlyFee().currency()),
                AvailabilityChart.of(history), history));
    }

    /** The {@value #CHART_MONTHS} months up to {@code shown} (which is {@code report}), oldest first; gaps without a contract. */
    private List<AvailabilityChart.Month> history(String key, YearMonth shown, ClientSlaReport report, Instant now) {
        List<AvailabilityChart.Month> history = new ArrayList<>();
        for (int i = CHART_MONTHS - 1; i >= 0; i--) {
            YearMonth m = shown.minusMonths(i);
            ClientSlaReport r = null;
            if (i == 0) {
                r = report;
            } else {
                try {
                    r = sla.clientMonth(key, m, now);
                } catch (ProblemException e) {
                    // no contract in force that month: an empty slot in the chart
                }
            }
            history.add(r == null ? new AvailabilityChart.Month(m.toString(), null, null, null, false)
                    : new AvailabilityChart.Month(m.toString(), new BigDecimal(r.availabilityPercent()),
                            r.availabilityDisplay(), r.targetPercent(), r.breached()));
        }
        return history;
    }

    @GET
    @Path("/{key}/report")
    public TemplateInstance report(@PathParam("key") String key, @QueryParam("month") String month,
            @QueryParam("include") List<String> include) {
        Instant now = Instant.now();
        YearMonth wanted = month == null || month.isBlank() ? null : PageMonths.parse(month, now);
        ClientSlaReport report = sla.clientMonth(key, wanted, now);
        Map<String, String> serviceNames = services.list().stream()
                .collect(Collectors.toMap(ServiceResponse::key, ServiceResponse::name));
        List<ReportIncident> lines = report.incidents().stream()
                .map(line -> {
                    IncidentResponse details = incidents.find(line.id()).orElse(null);
                    List<String> names = details == null ? List.of() : details.affectedServices().stream()
                            .filter(report.contract().coveredServices()::contains)
                            .map(service -> serviceNames.getOrDefault(service, service)).toList();
                    return new ReportIncident(line, details, names);
                })
                .toList();
        YearMonth shown = YearMonth.parse(report.month());
        List<AvailabilityChart.Month> history = history(key, shown, report, now);
        ReportOptions options = ReportOptions.of(include);
        return Templates.report(new ReportPage(shown, report,
                CreditPages.money(report.creditAmount(), report.currency()), lines, AvailabilityChart.of(history),
                now.atZone(ZoneId.of(report.client().timeZone())).toLocalDate(), options));
    }
}
