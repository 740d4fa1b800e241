package com.slaledger.report;

import com.slaledger.analytics.TimeWindow;
import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.contract.ContractService;
import com.slaledger.incident.IncidentImpactQuery;
import com.slaledger.security.AccessScope;
import com.slaledger.security.Role;
import com.slaledger.maintenance.MaintenanceWindowResponse;
import com.slaledger.maintenance.MaintenanceWindowService;
import com.slaledger.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * SLA months, for one client and for every client. Each report reads in a fixed number of queries,
 * whatever the number of clients and incidents: clients, contracts, maintenance windows and incidents
 * (see {@link IncidentImpactQuery} for the incidents' statements).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SlaReportService {

    /** The longest window {@link #clientWindow} measures: ten years of months. */
    public static final int MAX_WINDOW_YEARS = 10;

    private final ClientService clients;
    private final ContractService contracts;
    private final MaintenanceWindowService maintenance;
    private final IncidentImpactQuery incidents;
    private final AccessScope scope;
    private final ReportExclusions exclusions;

    public SlaReportService(ClientService clients, ContractService contracts, MaintenanceWindowService maintenance,
            IncidentImpactQuery incidents, AccessScope scope, ReportExclusions exclusions) {
        this.exclusions = exclusions;
        this.scope = scope;
        this.clients = clients;
        this.contracts = contracts;
        this.maintenance = maintenance;
        this.incidents = incidents;
    }

    /**
     * One client's month; {@code month} null means the month {@code asOf} falls in, in the client's zone.
     * 404 problem for an unknown client or a month without a contract in force.
     */
    public ClientSlaReport clientMonth(String clientKey, YearMonth month, Instant asOf) {
        ClientResponse client = clients.find(clientKey).orElseThrow(() -> ProblemException.notFound("client", clientKey));
        ZoneId zone = ZoneId.of(client.timeZone());
        YearMonth reported = month != null ? month : YearMonth.from(asOf.atZone(zone));
        // at most one version overlaps a month: only a client's first version may start mid-month
        ContractTerms terms = contracts.versionsOf(client.key()).stream()
                .map(ContractTerms::of)
                .filter(version -> version.inForceDuring(reported))
                .findFirst()
                .orElseThrow(() -> new ProblemException(404, "Not found", "Client '" + clientKey
                        + "' has no contract in force in " + reported, List.of()));
        TimeWindow window = terms.window(reported).orElseThrow();
        MaintenanceWindowService.Announced maintenanceRead = maintenance.announcedWithRefusedRules(window.start(),
                window.end());
        List<MaintenanceWindowResponse> announced = maintenanceRead.occurrences();
        MaintenanceIndex maintenanceIndex = exclusions.index(window.start(), window.end(), List.of(terms), announced);
        IncidentIndex incidentIndex = new IncidentIndex(
                incidents.duringForClient(window.start(), window.end(), clientKey, terms.coveredServices()));
        SlaMonth measured = SlaMonth.measure(terms, reported, asOf, maintenanceIndex, incidentIndex).orElseThrow();
        List<ClientSlaReport.Maintenance> excluded = announced.stream()
                .filter(w -> w.announced() && concerns(w, clientKey, terms.coveredServices()))
                .sorted(Comparator.comparing(MaintenanceWindowResponse::startsAt))
                .map(w -> new ClientSlaReport.Maintenance(w.id(), w.title(), w.startsAt(), w.endsAt(),
                        w.recurrence()))
                .toList();
        ResponseTimesInHours responseTimes = ResponseTimesInHours.of(measured.incidents(), window,
                maintenanceIndex.serviceHours(terms.contract().serviceCalendar()), zone);
        List<String> notes = maintenanceRead.refusedRules().stream()
                .filter(w -> concerns(w, clientKey, terms.coveredServices()))
                .map(w -> "Maintenance window " + w.id() + " “" + w.title() + "” repeats by "
                        + w.recurrence() + ". " + w.recurrenceWarning())
                .toList();
        return ClientSlaReport.of(measured,
                new ClientSlaReport.Client(client.key(), client.name(), client.timeZone()), asOf, excluded,
                responseTimes, notes);
    }

    /** The SPEC's scopes: all clients, the listed clients, or listed services the client's contract covers. */
    private static boolean concerns(MaintenanceWindowResponse window, String clientKey,
            java.util.Collection<String> coveredServices) {
        return switch (window.scope()) {
            case ALL_CLIENTS -> true;
            case CLIENTS -> window.clients().contains(clientKey);
            case SERVICES -> window.services().stream().anyMatch(coveredServices::contains);
        };
    }

    /**
     * One client's SLA over {@code [from, to)}, whole days in its zone: each month the window touches measured
     * with the contract version in force in it and clipped to the window, then added up (see
     * {@link SlaWindowReport}). The caller bounds the window (at most {@value #MAX_WINDOW_YEARS} years).
     * 404 problem for an unknown client or a window without a contract in force on any day.
     */
    public SlaWindowReport clientWindow(String clientKey, LocalDate from, LocalDate to, Instant asOf) {
        if (!from.isBefore(to) || to.isAfter(from.plusYears(MAX_WINDOW_YEARS))) {
            throw new IllegalArgumentException("window [" + from + ", " + to + ") is empty or longer than "
                    + MAX_WINDOW_YEARS + " years");
        }
        ClientResponse client = clients.find(clientKey).orElseThrow(() -> ProblemException.notFound("client", clientKey));
        ZoneId zone = ZoneId.of(client.timeZone());
        TimeWindow requested = TimeWindow.of(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
        List<ContractTerms> versions = contracts.versionsOf(client.key()).stream().map(ContractTerms::of).toList();

        record Part(ContractTerms terms, YearMonth month, TimeWindow window, boolean whole) {
        }
        List<Part> parts = new ArrayList<>();
        long coveredDays = 0;
        for (YearMonth month = YearMonth.from(from); month.atDay(1).isBefore(to); month = month.plusMonths(1)) {
            for (ContractTerms terms : versions) {
                Optional<TimeWindow> inForce = terms.window(month);
                Optional<TimeWindow> part = inForce.flatMap(window -> window.intersect(requested));
                if (part.isPresent()) {
                    parts.add(new Part(terms, month, part.get(), part.get().equals(inForce.get())));
                    coveredDays += coveredDays(month, from, to, terms);
                }
            }
        }
        if (parts.isEmpty()) {
            throw new ProblemException(404, "Not found", "Client '" + clientKey + "' has no contract in force from "
                    + from + " to " + to, List.of());
        }
        Instant readFrom = parts.get(0).window().start();
        Instant readTo = parts.get(parts.size() - 1).window().end();
        Set<String> covered = new TreeSet<>();
        parts.forEach(part -> covered.addAll(part.terms().coveredServices()));
        MaintenanceIndex maintenanceIndex = exclusions.index(readFrom, readTo,
                parts.stream().map(Part::terms).toList());
        IncidentIndex incidentIndex = new IncidentIndex(incidents.duringForClient(readFrom, readTo, clientKey, covered));
        List<SlaMonth> measured = parts.stream()
                .map(part -> SlaMonth.measure(part.terms(), part.month(), part.window(), asOf, maintenanceIndex,
                        incidentIndex))
                .toList();
        return SlaWindowReport.of(new ClientSlaReport.Client(client.key(), client.name(), client.timeZone()), from, to,
                new ClientSlaReport.Window(requested.start(), requested.end()), asOf, measured,
                parts.stream().map(Part::whole).toList(), ChronoUnit.DAYS.between(from, to) - coveredDays);
    }

    /** Days of {@code month} inside {@code [from, to)} on which {@code terms} are in force. */
    private static long coveredDays(YearMonth month, LocalDate from, LocalDate to, ContractTerms terms) {
        LocalDate start = Collections.max(List.of(month.atDay(1), from, terms.contract().effectiveFrom()));
        LocalDate end = terms.contract().effectiveTo() == null ? to
                : Collections.min(List.of(to, terms.contract().effectiveTo()));
        end = Collections.min(List.of(end, month.plusMonths(1).atDay(1)));
        return Math.max(0, ChronoUnit.DAYS.between(start, end));
    }

    /** Every client with a contract in force in {@code month} (its own zone's calendar month), by client key. */
    public FleetSlaReport allClients(YearMonth month, Instant asOf) {
        // an account manager sees the rows and totals of their own clients only
        Optional<Set<String>> visible = scope.accountManagerBound(Role.FINANCE, Role.ADMIN)
                .map(manager -> Set.copyOf(clients.keysManagedBy(manager)));
        List<ContractTerms> inForce = contracts.inForceDuring(month.atDay(1), month.plusMonths(1).atDay(1)).stream()
                .map(ContractTerms::of)
                .filter(terms -> terms.inForceDuring(month))
                .filter(terms -> visible.map(keys -> keys.contains(terms.clientKey())).orElse(true))
                .toList();
        if (inForce.isEmpty()) {
            return new FleetSlaReport(month.toString(), asOf, List.of(), List.of());
        }
        // one read covering every client's month: from the earliest zone's first midnight to the latest's last
        List<TimeWindow> windows = inForce.stream().map(terms -> terms.window(month).orElseThrow()).toList();
        Instant from = windows.stream().map(TimeWindow::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = windows.stream().map(TimeWindow::end).max(Comparator.naturalOrder()).orElseThrow();

        Map<String, String> names = clients.findByKeys(inForce.stream().map(ContractTerms::clientKey).toList())
                .stream().collect(Collectors.toMap(client -> client.key, client -> client.name));
        MaintenanceIndex maintenanceIndex = exclusions.index(from, to, inForce);
        IncidentIndex incidentIndex = new IncidentIndex(incidents.during(from, to));

        List<SlaMonth> months = measureAll(inForce, month, asOf, maintenanceIndex, incidentIndex);
        List<FleetSlaReport.Row> rows = new ArrayList<>(months.stream()
                .map(clientMonth -> FleetSlaReport.Row.of(clientMonth, names.get(clientMonth.terms().clientKey())))
                .toList());
        rows.sort(Comparator.comparing(FleetSlaReport.Row::clientKey));
        return new FleetSlaReport(month.toString(), asOf, rows, FleetSlaReport.totals(months));
    }

    /**
     * Every client's month from the indexes, in memory. Clients with equal {@link SlaMonth.Inputs} (same month
     * window, covered services, impact model, minimum outage, maintenance, and incidents naming them) share
     * one measurement; only their budget and credit are worked out one by one. The distinct measurements
     * are independent pure arithmetic, so they spread over the cores; the indexes are only read from here on.
     */
    static List<SlaMonth> measureAll(List<ContractTerms> inForce, YearMonth month, Instant asOf,
            MaintenanceIndex maintenanceIndex, IncidentIndex incidentIndex) {
        record Client(ContractTerms terms, SlaMonth.Inputs inputs) {
        }
        List<Client> measured = inForce.stream()
                .flatMap(terms -> terms.window(month).stream()
                        .map(window -> new Client(terms, SlaMonth.Inputs.of(terms, window, maintenanceIndex,
                                incidentIndex))))
                .toList();
        Map<SlaMonth.Inputs, SlaMonth.Shared> shared = measured.stream().map(Client::inputs).distinct().toList()
                .parallelStream()
                .collect(Collectors.toConcurrentMap(inputs -> inputs, inputs -> inputs.measure(asOf, incidentIndex)));
        return measured.parallelStream()
                .map(client -> SlaMonth.of(client.terms(), month, client.inputs(), shared.get(client.inputs())))
                .toList();
    }
}
