package com.slaledger.web;

import com.slaledger.incident.IncidentResponse;
import com.slaledger.incident.IncidentService;
import com.slaledger.incident.IncidentService.IncidentFilter;
import com.slaledger.analytics.TrendMetric;
import com.slaledger.report.FleetSlaReport;
import com.slaledger.report.TrendReport;
import com.slaledger.report.TrendReportService;
import com.slaledger.report.SlaReportService;
import com.slaledger.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The start page: this month so far. SLA standing (credits per currency, clients in breach or with little
 * budget left) for those who read SLA reports; open incidents for those who read incidents.
 */
@Path("/")
@RolesAllowed({Role.SRE, Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    /** A client "at risk" has used this share of its error budget or more. */
    static final BigDecimal AT_RISK_USED = new BigDecimal("0.75");
    static final int OPEN_INCIDENTS_SHOWN = 10;
    static final int LATEST_SHOWN = 5;

    /** Months of fleet history behind the verdicts on the dashboard. */
    static final int FLEET_MONTHS = 6;

    private final SlaReportService sla;
    private final IncidentService incidents;
    private final TrendReportService trends;
    private final SecurityIdentity identity;
    private final StaleRule stale;

    public DashboardPage(SlaReportService sla, IncidentService incidents, TrendReportService trends,
            SecurityIdentity identity, StaleRule stale) {
        this.stale = stale;
        this.sla = sla;
        this.incidents = incidents;
        this.trends = trends;
        this.identity = identity;
    }

    /**
     * The fleet this month against last month, with the verdicts of the last six months' regressions.
     * Availability here is the fleet's (every service, proportional weights; see TrendReportService).
     */
    public record Fleet(TrendReport.Row thisMonth, TrendReport.Row lastMonth, String availability,
            String mttaVerdict, String mttrVerdict) {

        static Fleet of(TrendReport report) {
            List<TrendReport.Row> rows = report.rows();
            TrendReport.Row current = rows.get(rows.size() - 1);
            TrendReport.Row previous = rows.size() > 1 ? rows.get(rows.size() - 2) : null;
            return new Fleet(current, previous, current.availabilityPercent() == null ? "—"
                    : Formats.availability(new BigDecimal(current.availabilityPercent())),
                    verdict(report, TrendMetric.MTTA_SECONDS), verdict(report, TrendMetric.MTTR_SECONDS));
        }

        private static String verdict(TrendReport report, TrendMetric metric) {
            return report.series().stream().filter(s -> s.metric() == metric).findFirst()
                    .map(s -> s.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .orElse("no significant change");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard page);
    }

    public record Watch(FleetSlaReport.Row row, String credit) {
    }

    public record Total(FleetSlaReport.CurrencyTotal total, String credit) {
    }

    /**
     * @param sla       null when the caller does not read SLA reports
     * @param open      null when the caller does not read incidents
     */
    /**
     * @param slaMonth   the month of the SLA section: the current one (so far), or for finance the last closed
     * @param staleCount open incidents older than the stale rule's days
     */
    public record Dashboard(YearMonth month, Fleet fleet, FleetSlaReport sla, List<Total> totals, List<Watch> watch,
            List<IncidentResponse> open, long openCount, List<IncidentResponse> latest, YearMonth slaMonth,
            long staleCount, Instant staleBefore, int staleAfterDays) {

        public boolean showsIncidents() {
            return open != null;
        }

        /** The SLA section's month is not over: its breaches and credits may change. */
        public boolean slaProvisional() {
            return sla != null && sla.clients().stream().anyMatch(FleetSlaReport.Row::provisional);
        }

        public boolean isStale(IncidentResponse incident) {
            return incident.resolvedAt() == null && incident.startedAt().isBefore(staleBefore);
        }

        /** The incident list for this month (UTC days), the drill-down of the fleet's figures. */
        public String monthIncidentsHref() {
            return "/incidents?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
        }

        /** The incident list filtered to one client's SLA month (days in the client's zone). */
        public String clientIncidentsHref(String clientKey) {
            return "/incidents?client=" + clientKey + "&from=" + slaMonth.atDay(1) + "&to=" + slaMonth.atEndOfMonth();
        }

        /** Open incidents that started before the stale line. */
        public String staleHref() {
            return "/incidents?open=true&to=" + staleBefore.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1);
        }
    }

    @GET
    public TemplateInstance dashboard() {
        Instant now = Instant.now();
        YearMonth month = PageMonths.parse(null, now);
        // finance settles closed months; everyone else watches the month under way
        YearMonth slaMonth = identity.hasRole(Role.FINANCE) && !identity.hasRole(Role.ADMIN)
                ? PageMonths.lastClosed(now) : month;
        FleetSlaReport report = null;
        List<Total> totals = List.of();
        List<Watch> watch = List.of();
        if (hasAny(Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN)) {
            report = sla.allClients(slaMonth, now);
            totals = report.creditTotals().stream()
                    .map(t -> new Total(t, CreditPages.money(t.creditAmount(), t.currency()))).toList();
            watch = report.clients().stream().filter(DashboardPage::needsAttention)
                    .map(row -> new Watch(row, CreditPages.money(row.creditAmount(), row.currency()))).toList();
        }
        List<IncidentResponse> open = null;
        List<IncidentResponse> latest = List.of();
        long openCount = 0;
        long staleCount = 0;
        Instant staleBefore = stale.startedBefore(now);
        if (hasAny(Role.SRE, Role.ACCOUNT_MANAGER, Role.ADMIN)) {
            staleCount = incidents.list(new IncidentFilter(null, null, null, null, staleBefore, true), 0, 1)
                    .totalItems();
            IncidentService.IncidentPage page = incidents.list(
                    new IncidentFilter(null, null, null, null, null, true), 0, OPEN_INCIDENTS_SHOWN);
            open = page.items();
            openCount = page.totalItems();
            latest = incidents.list(new IncidentFilter(null, null, null, null, null, false), 0, LATEST_SHOWN).items();
        }
        Fleet fleet = Fleet.of(trends.report(FLEET_MONTHS, null, null, now));
        return Templates.dashboard(new Dashboard(month, fleet, report, totals, watch, open, openCount, latest,
                slaMonth, staleCount, staleBefore, stale.days()));
    }

    /** In breach, or with a quarter or less of the error budget left. */
    static boolean needsAttention(FleetSlaReport.Row row) {
        if (row.breached()) {
            return true;
        }
        BigDecimal allowed = row.budgetAllowedSeconds();
        BigDecimal remaining = row.budgetRemainingSeconds();
        if (allowed == null || remaining == null || allowed.signum() == 0) {
            return false;
        }
        return allowed.subtract(remaining).compareTo(allowed.multiply(AT_RISK_USED)) >= 0;
    }

    private boolean hasAny(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}
