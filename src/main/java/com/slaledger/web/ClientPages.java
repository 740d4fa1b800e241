package com.slaledger.web;

import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.ContractService;
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
import io.quarkus.security.identity.SecurityIdentity;
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
import java.time.YearMonth;
import java.time.ZoneId;
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

    private final ContractService contracts;
    private final SecurityIdentity identity;

    public ClientPages(SlaReportService sla, IncidentService incidents, ServiceCatalog services,
            ContractService contracts, SecurityIdentity identity) {
        this.sla = sla;
        this.incidents = incidents;
        this.services = services;
        this.contracts = contracts;
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListPage page);

        static native TemplateInstance month(MonthPage page);

        static native TemplateInstance report(ReportPage page);
    }

    public record ListPage(YearMonth month, FleetSlaReport report, PageMonths.Nav monthNav, boolean readsIncidents) {
    }

    /** Whether the incident pages open for the caller (finance's do not): only then do figures link to them. */
    boolean readsIncidents() {
        return identity.hasRole(Role.ACCOUNT_MANAGER) || identity.hasRole(Role.ADMIN) || identity.hasRole(Role.SRE);
    }

    /**
     * One month of the client's history: {@code report} null where no contract was in force; {@code credit}
     * the amount as money text.
     */
    public record HistoryMonth(YearMonth month, ClientSlaReport report, String credit) {

        /** The incident list for this month in the client's zone (dates are the client's days). */
        public String incidentsHref() {
            return incidentsHref(report.client().key(), month);
        }

        static String incidentsHref(String clientKey, YearMonth month) {
            return "/incidents?client=" + clientKey + "&from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
        }
    }

    public record MonthPage(YearMonth month, ClientSlaReport report, String credit, String fee,
            AvailabilityChart chart, List<HistoryMonth> history, HistoryMonth previous, PageMonths.Nav monthNav,
            boolean readsIncidents) {

        public String zone() {
            return report.client().timeZone();
        }

        /** The incidents behind the month's figures, in the incident list. */
        public String incidentsHref() {
            return HistoryMonth.incidentsHref(report.client().key(), month);
        }

        /** The cap cut the tier's credit down: finance reads why the amount is what it is. */
        public boolean capped() {
            return report.appliedCreditPercent().compareTo(report.creditPercent()) < 0;
        }

        /** The history, newest month first, for the month-by-month table. */
        public List<HistoryMonth> historyNewestFirst() {
            List<HistoryMonth> reversed = new ArrayList<>(history);
            java.util.Collections.reverse(reversed);
            return reversed;
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
        return Templates.list(new ListPage(wanted, sla.allClients(wanted, now),
                PageMonths.Nav.of(wanted, contracts.firstContractMonth().orElse(null), PageMonths.latestStarted(now)),
                readsIncidents()));
    }

    @GET
    @Path("/{key}")
    public TemplateInstance month(@PathParam("key") String key, @QueryParam("month") String month) {
        Instant now = Instant.now();
        YearMonth wanted = month == null || month.isBlank() ? null : PageMonths.parse(month, now);
        ClientSlaReport report = sla.clientMonth(key, wanted, now);
        YearMonth shown = YearMonth.parse(report.month());
        History history = history(key, shown, report, now);
        return Templates.month(new MonthPage(shown, report, CreditPages.money(report.creditAmount(), report.currency()),
                Formats.money(report.contract().monthlyFee().amount(), report.contract().monthlyFee().currency()),
                AvailabilityChart.of(history.chart()), history.months(), history.previous(), months(key, shown, now),
                readsIncidents()));
    }

    /**
     * The {@value #CHART_MONTHS} months up to {@code shown} (which is {@code report}), oldest first.
     *
     * @param months   the months with a contract in force, with their reports
     * @param chart    every month, a gap where no contract was in force
     * @param previous the month before {@code shown}, or null without a contract then
     */
    private record History(List<HistoryMonth> months, List<AvailabilityChart.Month> chart, HistoryMonth previous) {
    }

    private History history(String key, YearMonth shown, ClientSlaReport report, Instant now) {
        List<HistoryMonth> history = new ArrayList<>();
        List<AvailabilityChart.Month> chartMonths = new ArrayList<>();
        HistoryMonth previous = null;
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
            HistoryMonth h = new HistoryMonth(m, r, r == null ? null : CreditPages.money(r.creditAmount(), r.currency()));
            if (i == 1 && r != null) {
                previous = h;
            }
            if (r != null) {
                history.add(h);
            }
            chartMonths.add(r == null ? new AvailabilityChart.Month(m.toString(), null, null, null, false, false, null)
                    : new AvailabilityChart.Month(m.toString(), new BigDecimal(r.availabilityPercent()),
                            r.availabilityDisplay(), r.targetPercent(), r.breached(), r.provisional(),
                            readsIncidents() ? HistoryMonth.incidentsHref(key, m) : null));
        }
        return new History(history, chartMonths, previous);
    }

    /**
     * The months this client has something for: from the month its first contract starts to the month its
     * last one ends, and never past the month under way in the client's zone.
     */
    PageMonths.Nav months(String key, YearMonth shown, Instant now) {
        List<ContractResponse> versions = contracts.list(key);
        ZoneId zone = versions.isEmpty() ? java.time.ZoneOffset.UTC : ZoneId.of(versions.get(0).clientTimeZone());
        YearMonth current = YearMonth.from(now.atZone(zone));
        YearMonth first = versions.stream().map(v -> YearMonth.from(v.effectiveFrom()))
                .min(java.util.Comparator.naturalOrder()).orElse(shown);
        YearMonth last = current;
        boolean openEnded = versions.stream().anyMatch(v -> v.effectiveTo() == null);
        if (!openEnded && !versions.isEmpty()) {
            YearMonth end = versions.stream().map(v -> YearMonth.from(v.effectiveTo().minusDays(1)))
                    .max(java.util.Comparator.naturalOrder()).orElseThrow();
            last = end.isBefore(current) ? end : current;
        }
        return PageMonths.Nav.of(shown, first, last);
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
        History history = history(key, shown, report, now);
        ReportOptions options = ReportOptions.of(include);
        return Templates.report(new ReportPage(shown, report,
                CreditPages.money(report.creditAmount(), report.currency()), lines, AvailabilityChart.of(history.chart()),
                now.atZone(ZoneId.of(report.client().timeZone())).toLocalDate(), options));
    }
}
