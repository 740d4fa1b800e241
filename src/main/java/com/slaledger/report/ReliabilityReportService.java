package com.slaledger.report;

import com.slaledger.analytics.IncidentImpact;

import com.slaledger.analytics.Availability;

import com.slaledger.analytics.ImpactModel;
import com.slaledger.analytics.IncidentTimeline;
import com.slaledger.analytics.Mtbf;
import com.slaledger.analytics.ResponseMetric;
import com.slaledger.analytics.ResponseTimeSummary;
import com.slaledger.analytics.TimeWindow;
import com.slaledger.contract.ContractService;
import com.slaledger.incident.IncidentFacts;
import com.slaledger.incident.IncidentImpactQuery;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * MTTD, MTTA, MTTR and MTTResolve over the incidents started in a window, and MTBF over the outages in
 * it, per group. One query for the incidents; grouping by client adds one for the contracts.
 *
 * <p>Response times count every incident, excluded ones too: exclusion takes an incident out of a
 * client's SLA, not out of how fast the team responded. MTBF counts outages, so excluded incidents and,
 * for a client, incidents its contract's impact model weighs at zero are left out of it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReliabilityReportService {

    private static final String EVERYTHING = "all";

    private final IncidentImpactQuery incidents;
    private final ContractService contracts;

    public ReliabilityReportService(IncidentImpactQuery incidents, ContractService contracts) {
        this.incidents = incidents;
        this.contracts = contracts;
    }

    /**
     * A month series has one row per month of the window, incidents or not, so its size is set by the
     * caller: more than {@link InputLimits#MAX_REPORT_GROUPS} months is refused (400 naming {@code from})
     * before any row is built.
     */
    static void refuseTooManyGroups(Instant from, Instant to, ReliabilityGrouping grouping) {
        if (grouping != ReliabilityGrouping.MONTH) {
            return;
        }
        // the months whose first instant lies before `to` (exclusive), counted as the series builds them
        YearMonth last = monthOf(to);
        boolean toStartsAMonth = last.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().equals(to);
        long months = ChronoUnit.MONTHS.between(monthOf(from), last) + (toStartsAMonth ? 0 : 1);
        if (months > InputLimits.MAX_REPORT_GROUPS) {
            throw ProblemException.badParameter("from", "with groupBy=month, from and to may span at most "
                    + InputLimits.MAX_REPORT_GROUPS + " months (this window spans " + months + ")");
        }
    }

    public ReliabilityReport report(Instant from, Instant to, ReliabilityGrouping grouping, Instant asOf) {
        refuseTooManyGroups(from, to, grouping);
        TimeWindow window = TimeWindow.of(from, to);
        List<IncidentFacts> overlapping = incidents.during(from, to);
        ClientAffection affection = grouping == ReliabilityGrouping.CLIENT ? clientAffection(from, to) : null;

        // Every group's incidents, and the weight each has in that group's outages.
        Map<String, List<Membership>> groups = new TreeMap<>();
        if (grouping == ReliabilityGrouping.MONTH) {
            // every month of the window is a point of the series, incidents or not
            for (YearMonth month = monthOf(from); month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(to);
                    month = month.plusMonths(1)) {
                groups.put(month.toString(), new ArrayList<>());
            }
        }
        for (IncidentFacts incident : overlapping) {
            for (Map.Entry<String, ImpactModel> group : groupsOf(incident, grouping, window, asOf, affection).entrySet()) {
                groups.computeIfAbsent(group.getKey(), k -> new ArrayList<>())
                        .add(new Membership(incident, group.getValue()));
            }
        }

        List<ReliabilityReport.Group> figures = new ArrayList<>();
        groups.forEach((key, members) -> {
            ReliabilityReport.Group group = figures(key, members,
                    grouping == ReliabilityGrouping.MONTH ? monthWindow(key, window) : window, asOf);
            // a group reached only by an excluded incident begun earlier has nothing to say about the window;
            // months stay, each one a point of the series
            if (grouping == ReliabilityGrouping.MONTH || group.incidentCount() > 0 || group.mtbf().outageCount() > 0) {
                figures.add(group);
            }
        });
        int started = (int) overlapping.stream().filter(incident -> window.contains(incident.startedAt())).count();
        return new ReliabilityReport(from, to, grouping, asOf, started, figures,
                servicesByDowntime(overlapping, window, asOf));
    }

    /** An incident in a group, with the impact model that decides whether it is an outage there. */
    private record Membership(IncidentFacts incident, ImpactModel impactModel) {
    }

    /** The group's figures over {@code window}: the report's, or for a month group that month's part of it. */
    private static ReliabilityReport.Group figures(String key, List<Membership> members, TimeWindow window,
            Instant asOf) {
        List<IncidentTimeline> started = members.stream()
                .map(Membership::incident)
                .filter(incident -> window.contains(incident.startedAt()))
                .map(IncidentFacts::timeline)
                .toList();
        List<TimeWindow> outages = members.stream()
                .filter(member -> !member.incident().excluded())
                .filter(member -> member.impactModel().weight(member.incident().impactPercent()).signum() > 0)
                .map(member -> TimeWindow.of(member.incident().startedAt(), impactEnd(member.incident(), asOf)))
                .toList();
        return new ReliabilityReport.Group(key, started.size(),
                aggregate(ResponseMetric.TIME_TO_DETECT, started),
                aggregate(ResponseMetric.TIME_TO_ACKNOWLEDGE, started),
                aggregate(ResponseMetric.TIME_TO_RESTORE, started),
                aggregate(ResponseMetric.TIME_TO_RESOLVE, started),
                ReliabilityReport.MtbfFigure.of(Mtbf.of(window, outages)));
    }

    private static ReliabilityReport.Aggregate aggregate(ResponseMetric metric, List<IncidentTimeline> incidents) {
        return ReliabilityReport.Aggregate.of(ResponseTimeSummary.of(metric, incidents));
    }

    /** The groups an incident belongs to, each with the impact model its outages are weighed by there. */
    private static Map<String, ImpactModel> groupsOf(IncidentFacts incident, ReliabilityGrouping grouping,
            TimeWindow window, Instant asOf, ClientAffection affection) {
        Instant from = window.start();
        Map<String, ImpactModel> groups = new HashMap<>();
        switch (grouping) {
            case NONE -> groups.put(EVERYTHING, ImpactModel.PROPORTIONAL);
            case SERVICE -> incident.serviceKeys().forEach(service -> groups.put(service, ImpactModel.PROPORTIONAL));
            case SEVERITY -> groups.put(incident.severity().name(), ImpactModel.PROPORTIONAL);
            case MONTH -> {
                // the month it started in (its response times), and every month its outage reaches (MTBF)
                // (ends are exclusive: an outage ending at midnight on the 1st does not reach that month)
                Instant last = min(max(impactEnd(incident, asOf).minusNanos(1), incident.startedAt()),
                        window.end().minusNanos(1));
                for (YearMonth month = monthOf(max(incident.startedAt(), from)); !month.isAfter(monthOf(last));
                        month = month.plusMonths(1)) {
                    groups.put(month.toString(), ImpactModel.PROPORTIONAL);
                }
            }
            case CLIENT -> groups.putAll(affection.clientsAffectedBy(incident, from));
        }
        return groups;
    }

    private ClientAffection clientAffection(Instant from, Instant to) {
        // contract dates are days in each client's zone, which lie within a day of the UTC date
        return new ClientAffection(contracts.inForceDuring(
                from.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1),
                to.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(2)).stream().map(ContractTerms::of).toList());
    }

    /**
     * SPEC's rule, with the contract version of the month the incident falls in (in the client's zone):
     * versions change only on the first of a month, so that month's version is the one in force.
     */
    static final class ClientAffection {

        private final Map<String, List<ContractTerms>> byCoveredService = new HashMap<>();
        private final Map<String, List<ContractTerms>> byClient = new HashMap<>();

        ClientAffection(List<ContractTerms> versions) {
            for (ContractTerms version : versions) {
                version.coveredServices().forEach(service ->
                        byCoveredService.computeIfAbsent(service, k -> new ArrayList<>()).add(version));
                byClient.computeIfAbsent(version.clientKey(), k -> new ArrayList<>()).add(version);
            }
        }

        /** Clients the incident affects, each with its contract's impact model (PROPORTIONAL without one). */
        Map<String, ImpactModel> clientsAffectedBy(IncidentFacts incident, Instant from) {
            // the part of an outage begun before the window that counts is in the window
            Instant at = max(incident.startedAt(), from);
            Map<String, ImpactModel> clients = new HashMap<>();
            if (!incident.clientKeys().isEmpty()) {
                incident.clientKeys().forEach(client -> clients.put(client,
                        versionAt(byClient.getOrDefault(client, List.of()), at)
                                .map(ContractTerms::impactModel).orElse(ImpactModel.PROPORTIONAL)));
                return clients;
            }
            Set<ContractTerms> covering = new LinkedHashSet<>();
            incident.serviceKeys().forEach(service -> covering.addAll(byCoveredService.getOrDefault(service, List.of())));
            for (ContractTerms version : covering) {
                if (version.inForceDuring(YearMonth.from(at.atZone(version.zone())))) {
                    clients.put(version.clientKey(), version.impactModel());
                }
            }
            return clients;
        }

        private static Optional<ContractTerms> versionAt(List<ContractTerms> versions, Instant at) {
            return versions.stream()
                    .filter(version -> version.inForceDuring(YearMonth.from(at.atZone(version.zone()))))
                    .findFirst();
        }
    }

    private static TimeWindow monthWindow(String month, TimeWindow window) {
        return TimeWindow.month(YearMonth.parse(month), ZoneOffset.UTC).intersect(window)
                .orElse(TimeWindow.of(window.start(), window.start()));
    }

    private static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }

    /** Where the outage ends: an ongoing one runs to asOf. */
    private static Instant impactEnd(IncidentFacts incident, Instant asOf) {
        return incident.ongoing() ? max(asOf, incident.startedAt()) : incident.impactEndedAt();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The services that were down longest in the window, longest first: where reliability work pays most. */
    static List<ReliabilityReport.ServiceDowntime> servicesByDowntime(List<IncidentFacts> overlapping,
            TimeWindow window, Instant asOf) {
        Map<String, List<IncidentImpact>> byService = new TreeMap<>();
        for (IncidentFacts incident : overlapping) {
            if (incident.excluded()) {
                continue;
            }
            for (String service : incident.serviceKeys()) {
                byService.computeIfAbsent(service, k -> new ArrayList<>()).add(new IncidentImpact(
                        String.valueOf(incident.id()), incident.startedAt(), incident.impactEndedAt(),
                        incident.impactPercent(), false));
            }
        }
        List<ReliabilityReport.ServiceDowntime> downtimes = new ArrayList<>();
        byService.forEach((service, impacts) -> {
            Availability measured = Availability.measure(window, asOf, List.of(), impacts, ImpactModel.PROPORTIONAL, 0);
            if (measured.downtimeSeconds().signum() > 0) {
                downtimes.add(new ReliabilityReport.ServiceDowntime(service, impacts.size(), measured.downtimeSeconds()));
            }
        });
        downtimes.sort(java.util.Comparator.comparing(ReliabilityReport.ServiceDowntime::downtimeSeconds).reversed()
                .thenComparing(ReliabilityReport.ServiceDowntime::service));
        return downtimes.size() > TOP_SERVICES ? List.copyOf(downtimes.subList(0, TOP_SERVICES)) : downtimes;
    }

    static final int TOP_SERVICES = 10;
}
