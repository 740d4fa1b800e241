package com.slaledger.report;

import com.slaledger.analytics.Availability;
import com.slaledger.analytics.ImpactModel;
import com.slaledger.analytics.IncidentTimeline;
import com.slaledger.analytics.MonthlyValue;
import com.slaledger.analytics.ResponseMetric;
import com.slaledger.analytics.ResponseTimeSummary;
import com.slaledger.analytics.TimeWindow;
import com.slaledger.analytics.Trend;
import com.slaledger.analytics.TrendMetric;
import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.contract.ContractService;
import com.slaledger.incident.IncidentFacts;
import com.slaledger.incident.IncidentImpactQuery;
import com.slaledger.platform.ProblemException;
import com.slaledger.service.ServiceCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Monthly series (incident count, downtime, availability, MTTA, MTTR) over the last N calendar months up to
 * the current one, with the analytics {@link Trend} of each. A fixed number of queries: one for incidents,
 * plus one for the service, or for a client its look-up, contracts and maintenance windows.
 *
 * <p>What availability means depends on the scope, and the report says which in {@code availabilityBasis}:
 * <ul>
 *   <li>for a client, what its SLA reports say: its zone's months, clipped to the contract in force, with its
 *       impact model, minimum outage and announced maintenance; months without a contract have none;</li>
 *   <li>for a service or the fleet, which have no contract: UTC months, every non-excluded incident of the
 *       service (or of any service) weighed PROPORTIONAL, no maintenance and no minimum outage. Overlapping
 *       incidents count once at the heaviest weight, as in a client's SLA, so the fleet figure reads as "the
 *       share of the month in which some traffic somewhere was down", a worst case rather than an average.</li>
 * </ul>
 * Incident counts, MTTA and MTTR count the incidents started in the month, excluded ones too (exclusion
 * concerns an SLA, not how fast the team responded).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TrendReportService {

    static final String CLIENT_BASIS = "client SLA: contract in force, its impact model, minimum outage and"
            + " announced maintenance";
    static final String FLEET_BASIS = "no contract: non-excluded incidents weighed PROPORTIONAL, heaviest"
            + " incident at each instant, no maintenance";

    private final IncidentImpactQuery incidents;
    private final ClientService clients;
    private final ContractService contracts;
    private final ServiceCatalog services;
    private final ReportExclusions exclusions;

    public TrendReportService(IncidentImpactQuery incidents, ClientService clients, ContractService contracts,
            ServiceCatalog services, ReportExclusions exclusions) {
        this.exclusions = exclusions;
        this.incidents = incidents;
        this.clients = clients;
        this.contracts = contracts;
        this.services = services;
    }

    /** The last {@code monthCount} months up to the one {@code asOf} falls in; 404 problem for an unknown client or service. */
    public TrendReport report(int monthCount, String serviceKey, String clientKey, Instant asOf) {
        return report(monthCount, serviceKey, clientKey, asOf, false);
    }

    /**
     * The last {@code monthCount} complete months: those before the month {@code asOf} falls in (in the
     * client's zone, else UTC), so the partial month neither reads as a whole one nor tilts the regression.
     */
    public TrendReport completeMonths(int monthCount, String serviceKey, String clientKey, Instant asOf) {
        return report(monthCount, serviceKey, clientKey, asOf, true);
    }

    private TrendReport report(int monthCount, String serviceKey, String clientKey, Instant asOf,
            boolean completeOnly) {
        if (serviceKey != null) {
            services.require(serviceKey);
        }
        return clientKey != null
                ? forClient(monthCount, serviceKey, clientKey, asOf, completeOnly)
                : forServiceOrFleet(monthCount, serviceKey, asOf, completeOnly);
    }

    private TrendReport forServiceOrFleet(int monthCount, String serviceKey, Instant asOf, boolean completeOnly) {
        List<YearMonth> months = lastMonths(monthCount, ZoneOffset.UTC, asOf, completeOnly);
        Instant from = TimeWindow.month(months.get(0), ZoneOffset.UTC).start();
        Instant to = TimeWindow.month(months.get(months.size() - 1), ZoneOffset.UTC).end();
        List<IncidentFacts> read = serviceKey == null
                ? incidents.during(from, to)
                : incidents.duringForService(from, to, serviceKey);

        List<TrendReport.Row> rows = new ArrayList<>();
        for (YearMonth month : months) {
            TimeWindow window = TimeWindow.month(month, ZoneOffset.UTC);
            TimeWindow measured = window.measuredAsOf(asOf).window();
            List<IncidentFacts> concerned = read.stream()
                    .filter(incident -> SlaMonth.concerns(incident, measured, asOf)).toList();
            Availability availability = Availability.measure(window, asOf, List.of(),
                    concerned.stream().map(IncidentFacts::impact).toList(), ImpactModel.PROPORTIONAL, 0);
            rows.add(row(month, window, concerned, Optional.of(availability), asOf));
        }
        return report("UTC", serviceKey, null, months, asOf, FLEET_BASIS, rows);
    }

    private TrendReport forClient(int monthCount, String serviceKey, String clientKey, Instant asOf,
            boolean completeOnly) {
        ClientResponse client = clients.find(clientKey).orElseThrow(() -> ProblemException.notFound("client", clientKey));
        ZoneId zone = ZoneId.of(client.timeZone());
        List<YearMonth> months = lastMonths(monthCount, zone, asOf, completeOnly);
        Instant from = TimeWindow.month(months.get(0), zone).start();
        Instant to = TimeWindow.month(months.get(months.size() - 1), zone).end();
        List<ContractTerms> versions = contracts.list(clientKey).stream().map(ContractTerms::of).toList();
        TreeSet<String> everCovered = new TreeSet<>();
        versions.forEach(version -> everCovered.addAll(version.coveredServices()));

        List<IncidentFacts> read = incidents.duringForClient(from, to, clientKey, everCovered);
        if (serviceKey != null) {
            read = read.stream().filter(incident -> incident.serviceKeys().contains(serviceKey)).toList();
        }
        IncidentIndex incidentIndex = new IncidentIndex(read);
        MaintenanceIndex maintenanceIndex = exclusions.index(from, to, versions);

        List<TrendReport.Row> rows = new ArrayList<>();
        for (YearMonth month : months) {
            TimeWindow calendarMonth = TimeWindow.month(month, zone);
            Optional<ContractTerms> version = versions.stream().filter(v -> v.inForceDuring(month)).findFirst();
            Optional<SlaMonth> sla = version.flatMap(v -> SlaMonth.measure(v, month, asOf, maintenanceIndex, incidentIndex));
            // without a contract, only the incidents naming the client concern it
            List<IncidentFacts> affecting = incidentIndex.affecting(clientKey,
                    version.map(ContractTerms::coveredServices).orElse(List.of()));
            rows.add(row(month, calendarMonth, affecting, sla.map(SlaMonth::availability), asOf));
        }
        return report(zone.getId(), serviceKey, clientKey, months, asOf, CLIENT_BASIS, rows);
    }

    /** The month's figures; response times over the incidents started in the calendar month. */
    private static TrendReport.Row row(YearMonth month, TimeWindow calendarMonth, List<IncidentFacts> candidates,
            Optional<Availability> availability, Instant asOf) {
        List<IncidentTimeline> started = candidates.stream()
                .filter(incident -> calendarMonth.contains(incident.startedAt()))
                .map(IncidentFacts::timeline)
                .toList();
        return new TrendReport.Row(month.toString(), calendarMonth.measuredAsOf(asOf).provisional(), started.size(),
                availability.map(Availability::downtimeSeconds).orElse(null),
                availability.map(a -> a.availabilityPercent().toPlainString()).orElse(null),
                ResponseTimeSummary.of(ResponseMetric.TIME_TO_ACKNOWLEDGE, started).meanSeconds(),
                ResponseTimeSummary.of(ResponseMetric.TIME_TO_RESTORE, started).meanSeconds());
    }

    private static TrendReport report(String zone, String serviceKey, String clientKey, List<YearMonth> months,
            Instant asOf, String basis, List<TrendReport.Row> rows) {
        Map<TrendMetric, Function<TrendReport.Row, BigDecimal>> values = new EnumMap<>(TrendMetric.class);
        values.put(TrendMetric.INCIDENT_COUNT, row -> BigDecimal.valueOf(row.incidentCount()));
        values.put(TrendMetric.DOWNTIME_SECONDS, TrendReport.Row::downtimeSeconds);
        values.put(TrendMetric.AVAILABILITY_PERCENT,
                row -> row.availabilityPercent() == null ? null : new BigDecimal(row.availabilityPercent()));
        values.put(TrendMetric.MTTA_SECONDS, TrendReport.Row::mttaSeconds);
        values.put(TrendMetric.MTTR_SECONDS, TrendReport.Row::mttrSeconds);
        List<TrendReport.Series> series = new ArrayList<>();
        values.forEach((metric, value) -> series.add(TrendReport.Series.of(Trend.of(metric, rows.stream()
                .map(row -> new MonthlyValue(YearMonth.parse(row.month()), value.apply(row)))
                .toList()))));
        return new TrendReport(zone, serviceKey, clientKey, months.get(0).toString(),
                months.get(months.size() - 1).toString(), asOf, basis, rows, series);
    }

    /** The last {@code count} calendar months in the zone, the one {@code asOf} falls in last. */
    private static List<YearMonth> lastMonths(int count, ZoneId zone, Instant asOf, boolean completeOnly) {
        YearMonth current = YearMonth.from(asOf.atZone(zone)).minusMonths(completeOnly ? 1 : 0);
        List<YearMonth> months = new ArrayList<>();
        for (int back = count - 1; back >= 0; back--) {
            months.add(current.minusMonths(back));
        }
        return months;
    }
}
