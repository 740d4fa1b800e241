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
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The clients with this month's SLA standing, one client's month with its chart, and the printable impact report. */
@Path("/clients")
@RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ClientPages {

    static final int CHART_MONTHS = 12;

    private final SlaReportService sla;
    private final IncidentService incidents;

    private final ContractService contracts;

    private final SecurityIdentity identity;

    public ClientPages(SlaReportService sla, IncidentService incidents, ContractService contracts,
            SecurityIdentity identity) {
        this.identity = identity;
        this.sla = sla;
        this.incidents = incidents;
        this.contracts = contracts;
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

    /** An incident of the report with what the customer should read about it; {@code details} null if not visible. */
    public record ReportIncident(ClientSlaReport.IncidentLine line, IncidentResponse details) {
    }

    public record ReportPage(YearMonth month, ClientSlaReport report, String credit, List<ReportIncident> incidents) {

        public String zone() {
            return report.client().timeZone();
        }
    }

    @GET
    public TemplateInstance list(@QueryParam("month") String month) {
        Instant now = Instant.now();
        YearMonth wanted = PageMonths.parse(month, now);
        return Templates.list(new ListPage(wanted, sla.allClients(wanted, now),
                PageMonths.Nav.of(wanted, null, PageMonths.latestStarted(now)), readsIncidents()));
    }

    @GET
    @Path("/{key}")
    public TemplateInstance month(@PathParam("key") String key, @QueryParam("month") String month) {
        Instant now = Instant.now();
        YearMonth wanted = month == null || month.isBlank() ? null : PageMonths.parse(month, now);
        ClientSlaReport report = sla.clientMonth(key, wanted, now);
        YearMonth shown = YearMonth.parse(report.month());
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
        return Templates.month(new MonthPage(shown, report, CreditPages.money(report.creditAmount(), report.currency()),
                Formats.money(report.contract().monthlyFee().amount(), report.contract().monthlyFee().currency()),
                AvailabilityChart.of(chartMonths), history, previous, months(key, shown, now), readsIncidents()));
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
    public TemplateInstance report(@PathParam("key") String key, @QueryParam("month") String month) {
        Instant now = Instant.now();
        YearMonth wanted = month == null || month.isBlank() ? null : PageMonths.parse(month, now);
        ClientSlaReport report = sla.clientMonth(key, wanted, now);
        List<ReportIncident> lines = report.incidents().stream()
                .map(line -> new ReportIncident(line, incidents.find(line.id()).orElse(null)))
                .toList();
        return Templates.report(new ReportPage(YearMonth.parse(report.month()), report,
                CreditPages.money(report.creditAmount(), report.currency()), lines));
    }
}
