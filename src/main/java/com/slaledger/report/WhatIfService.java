package com.slaledger.report;

import com.slaledger.analytics.TimeWindow;
import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.contract.ContractRequest;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.ContractService;
import com.slaledger.incident.IncidentFacts;
import com.slaledger.incident.IncidentImpactQuery;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.Violations;
import com.slaledger.security.AccessScope;
import com.slaledger.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Contract what-ifs: a proposal tried on past months, for one client or many. The current side of every
 * month is the client's month report itself ({@link SlaMonth}, measured as {@link SlaReportService} does);
 * the proposed side is the same month under the version with the proposal's fields in place. A proposal
 * that changes only target, tiers, cap or fee has the same {@link SlaMonth.Inputs} as the current contract,
 * so availability is measured once and only the verdict and credit are worked out twice; clients with equal
 * inputs share one measurement as in the all-clients month report. One client's what-if reads in a fixed
 * number of queries (contracts, maintenance, incidents); the fleet's reads its incidents once per month.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WhatIfService {

    /** The longest range of months a what-if covers: three years. */
    public static final int MAX_MONTHS = 36;

    private final ClientService clients;
    private final ContractService contracts;
    private final ReportExclusions exclusions;
    private final IncidentImpactQuery incidents;
    private final AccessScope scope;

    public WhatIfService(ClientService clients, ContractService contracts, ReportExclusions exclusions,
            IncidentImpactQuery incidents, AccessScope scope) {
        this.clients = clients;
        this.contracts = contracts;
        this.exclusions = exclusions;
        this.incidents = incidents;
        this.scope = scope;
    }

    /**
     * The proposal tried on one client's months {@code from..to} (inclusive, the client's zone). The caller
     * has checked the range and the proposal's own rules ({@code WhatIfRules}); checked here is what depends
     * on the client's versions: a proposed tier above a current target, or a proposed target below a current
     * tier (400 problem naming {@code proposal.creditTiers[i].belowPercent} or {@code proposal.targetPercent}).
     * Empty when the caller may not see the client (unknown, or another account manager's).
     */
    public Optional<WhatIfReport> client(String clientKey, YearMonth from, YearMonth to, ContractProposal proposal,
            Instant asOf) {
        Optional<ClientResponse> found = clients.find(clientKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ClientResponse client = found.get();
        List<ContractTerms> versions = contracts.list(clientKey).stream().map(ContractTerms::of).toList();
        List<Slot> slots = slots(versions, from, to, proposal);

        List<Pair> pairs = List.of();
        if (!slots.isEmpty()) {
            Instant readFrom = slots.stream().map(slot -> slot.window().start()).min(Comparator.naturalOrder()).orElseThrow();
            Instant readTo = slots.stream().map(slot -> slot.window().end()).max(Comparator.naturalOrder()).orElseThrow();
            Set<String> covered = new TreeSet<>();
            slots.forEach(slot -> covered.addAll(slot.current().coveredServices()));
            // maintenance, and the time outside service hours of a contract that names a service calendar
            MaintenanceIndex maintenanceIndex = exclusions.index(readFrom, readTo, versions);
            // one client's incidents over the range are few: one read, cut per month
            List<IncidentFacts> read = incidents.duringForClient(readFrom, readTo, clientKey, covered);
            pairs = measure(slots, asOf, maintenanceIndex,
                    window -> read.stream().filter(incident -> overlaps(incident, window)).toList());
        }
        Map<YearMonth, Pair> byMonth = pairs.stream().collect(Collectors.toMap(Pair::month, pair -> pair,
                (a, b) -> a));
        List<WhatIfReport.Month> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Pair pair = byMonth.get(month);
            months.add(pair == null ? new WhatIfReport.Month(month.toString(), false, null, null)
                    : new WhatIfReport.Month(month.toString(), true, pair.current(), pair.proposed()));
        }
        return Optional.of(new WhatIfReport(new ClientSlaReport.Client(client.key(), client.name(), client.timeZone()),
                from.toString(), to.toString(), asOf, pairs.stream().anyMatch(Pair::provisional), months,
                WhatIfReport.CurrencyTotal.of(pairs.stream().map(Pair::asArray).toList())));
    }

    /**
     * The proposal tried on every client with a contract in force in some month of {@code from..to} (each in
     * its own zone), or on those of one account manager ({@code accountManager} non-null). An account manager
     * calling (not also finance or admin) gets their own clients only, whatever they ask. Read and measured
     * as the all-clients month report is, once for the whole range.
     */
    public FleetWhatIfReport fleet(YearMonth from, YearMonth to, ContractProposal proposal, String accountManager,
            Instant asOf) {
        Optional<Set<String>> visible = scope.accountManagerBound(Role.FINANCE, Role.ADMIN)
                .map(manager -> Set.copyOf(clients.keysManagedBy(manager)));
        Optional<Set<String>> selected = Optional.ofNullable(accountManager)
                .map(manager -> Set.copyOf(clients.keysManagedBy(manager)));
        List<ContractTerms> versions = contracts.inForceDuring(from.atDay(1), to.plusMonths(1).atDay(1)).stream()
                .filter(contract -> visible.map(keys -> keys.contains(contract.clientKey())).orElse(true))
                .filter(contract -> selected.map(keys -> keys.contains(contract.clientKey())).orElse(true))
                .map(ContractTerms::of)
                .toList();
        List<Slot> slots = slots(versions, from, to, proposal);
        if (slots.isEmpty()) {
            return new FleetWhatIfReport(from.toString(), to.toString(), asOf, false, List.of(), List.of());
        }
        Instant readFrom = slots.stream().map(slot -> slot.window().start()).min(Comparator.naturalOrder()).orElseThrow();
        Instant readTo = slots.stream().map(slot -> slot.window().end()).max(Comparator.naturalOrder()).orElseThrow();
        MaintenanceIndex maintenanceIndex = exclusions.index(readFrom, readTo, versions);
        // the fleet's incidents are read month by month, as the month report reads them: the heap holds one
        // month of them at a time, not the range's
        List<Pair> pairs = measure(slots, asOf, maintenanceIndex,
                window -> incidents.during(window.start(), window.end()));

        Map<String, List<Pair>> byClient = new LinkedHashMap<>();
        pairs.forEach(pair -> byClient.computeIfAbsent(pair.clientKey(), key -> new ArrayList<>()).add(pair));
        Map<String, String> names = clients.findByKeys(byClient.keySet()).stream()
                .collect(Collectors.toMap(client -> client.key, client -> client.name));
        List<FleetWhatIfReport.ClientRow> rows = byClient.entrySet().stream()
                .map(entry -> new FleetWhatIfReport.ClientRow(entry.getKey(), names.get(entry.getKey()),
                        (int) entry.getValue().stream().map(Pair::month).distinct().count(),
                        WhatIfReport.CurrencyTotal.of(entry.getValue().stream().map(Pair::asArray).toList())))
                .sorted(Comparator.comparing(FleetWhatIfReport.ClientRow::clientKey))
                .toList();
        return new FleetWhatIfReport(from.toString(), to.toString(), asOf, pairs.stream().anyMatch(Pair::provisional),
                rows, WhatIfReport.CurrencyTotal.of(pairs.stream().map(Pair::asArray).toList()));
    }

    /** A client-month with a version in force: the version, the same under the proposal, and the window. */
    record Slot(ContractTerms current, ContractTerms proposed, YearMonth month, TimeWindow window) {
    }

    /**
     * A client-month's figures under the current version and under the proposal: only the figures are kept,
     * not the measured months (with every incident's contribution), so a fleet over many months holds no more
     * than one month's measurements at a time.
     */
    record Pair(String clientKey, YearMonth month, WhatIfReport.Figures current, WhatIfReport.Figures proposed) {

        static Pair of(SlaMonth current, SlaMonth proposed) {
            return new Pair(current.terms().clientKey(), current.month(), WhatIfReport.Figures.of(current),
                    WhatIfReport.Figures.of(proposed));
        }

        boolean provisional() {
            return current.provisional();
        }

        WhatIfReport.Figures[] asArray() {
            return new WhatIfReport.Figures[] {current, proposed};
        }
    }

    /**
     * Every month of {@code from..to} in which a version is in force, with its window and the proposed terms.
     * The proposal is first held against the versions it is tried on: 400 problem when it clashes with one.
     */
    static List<Slot> slots(List<ContractTerms> versions, YearMonth from, YearMonth to, ContractProposal proposal) {
        List<InForce> inForce = inForce(versions, from, to);
        throwIfAny(conflictsWithVersions(proposal, inForce.stream().map(InForce::versionAndMonth).toList()));
        Map<ContractTerms, ContractTerms> proposed = new IdentityHashMap<>();
        return inForce.stream()
                .map(slot -> new Slot(slot.terms(), proposed.computeIfAbsent(slot.terms(),
                        terms -> ContractTerms.of(proposal.applyTo(terms.contract()))), slot.month(), slot.window()))
                .toList();
    }

    /** A version in force in a month of the range, with the month's window. */
    private record InForce(ContractTerms terms, YearMonth month, TimeWindow window) {

        Map.Entry<ContractResponse, YearMonth> versionAndMonth() {
            return Map.entry(terms.contract(), month);
        }
    }

    private static List<InForce> inForce(List<ContractTerms> versions, YearMonth from, YearMonth to) {
        List<InForce> inForce = new ArrayList<>();
        for (ContractTerms terms : versions) {
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                Optional<TimeWindow> window = terms.window(month);
                if (window.isPresent()) {
                    inForce.add(new InForce(terms, month, window.get()));
                }
            }
        }
        return inForce;
    }

    /**
     * What {@link #client} would refuse in {@code proposal} for the client's versions in force in
     * {@code from..to} ({@link #conflictsWithVersions}), without measuring anything, so a form can show these
     * beside its other mistakes at once. Empty when there is none, or the caller may not see the client.
     */
    public List<FieldViolation> conflicts(String clientKey, YearMonth from, YearMonth to, ContractProposal proposal) {
        if (clients.find(clientKey).isEmpty()) {
            return List.of();
        }
        List<ContractTerms> versions = contracts.list(clientKey).stream().map(ContractTerms::of).toList();
        return conflictsWithVersions(proposal, inForce(versions, from, to).stream().map(InForce::versionAndMonth)
                .toList());
    }

    /**
     * Both sides of every slot, month by month. Each month is measured from an index of the incidents
     * {@code incidentsDuring} gives for the month's widest window (the range the month report reads), so it
     * looks only at that month's incidents; within a month, distinct {@link SlaMonth.Inputs} are measured once
     * each, spread over the cores, as in {@link SlaReportService#measureAll}. Only the figures of a month
     * outlive it.
     */
    static List<Pair> measure(List<Slot> slots, Instant asOf, MaintenanceIndex maintenanceIndex,
            Function<TimeWindow, List<IncidentFacts>> incidentsDuring) {
        Map<YearMonth, List<Slot>> byMonth = slots.stream()
                .collect(Collectors.groupingBy(Slot::month, TreeMap::new, Collectors.toList()));
        record Keyed(Slot slot, SlaMonth.Inputs current, SlaMonth.Inputs proposed) {
        }
        List<Pair> pairs = new ArrayList<>(slots.size());
        for (List<Slot> month : byMonth.values()) {
            TimeWindow widest = TimeWindow.of(
                    month.stream().map(slot -> slot.window().start()).min(Comparator.naturalOrder()).orElseThrow(),
                    month.stream().map(slot -> slot.window().end()).max(Comparator.naturalOrder()).orElseThrow());
            IncidentIndex index = new IncidentIndex(incidentsDuring.apply(widest));
            List<Keyed> keyed = month.stream()
                    .map(slot -> new Keyed(slot, SlaMonth.Inputs.of(slot.current(), slot.window(), maintenanceIndex,
                            index), SlaMonth.Inputs.of(slot.proposed(), slot.window(), maintenanceIndex, index)))
                    .toList();
            Set<SlaMonth.Inputs> distinct = new HashSet<>();
            keyed.forEach(key -> {
                distinct.add(key.current());
                distinct.add(key.proposed());
            });
            Map<SlaMonth.Inputs, SlaMonth.Shared> shared = distinct.parallelStream()
                    .collect(Collectors.toConcurrentMap(inputs -> inputs, inputs -> inputs.measure(asOf, index)));
            pairs.addAll(keyed.parallelStream()
                    .map(key -> Pair.of(
                            SlaMonth.of(key.slot().current(), key.slot().month(), key.current(),
                                    shared.get(key.current())),
                            SlaMonth.of(key.slot().proposed(), key.slot().month(), key.proposed(),
                                    shared.get(key.proposed()))))
                    .toList());
        }
        return pairs;
    }

    /** The report queries' range test ({@code IncidentImpactQuery}): the impact overlaps, or it starts inside. */
    private static boolean overlaps(IncidentFacts incident, TimeWindow window) {
        if (!incident.startedAt().isBefore(window.end())) {
            return false;
        }
        return !incident.startedAt().isBefore(window.start()) || incident.ongoing()
                || incident.impactEndedAt().isAfter(window.start());
    }

    /**
     * SPEC "Credit tier": no tier's {@code belowPercent} may exceed the target. A proposal giving tiers but no
     * target is held against every version it is tried on, and one giving a target but no tiers likewise;
     * each field is named once, with the first version it clashes with.
     */
    static List<FieldViolation> conflictsWithVersions(ContractProposal proposal,
            List<Map.Entry<ContractResponse, YearMonth>> slots) {
        Violations violations = new Violations();
        boolean tiersOnly = proposal.creditTiers() != null && proposal.targetPercent() == null;
        boolean targetOnly = proposal.targetPercent() != null && proposal.creditTiers() == null;
        if (!tiersOnly && !targetOnly) {
            return List.of();
        }
        for (Map.Entry<ContractResponse, YearMonth> slot : slots) {
            ContractResponse current = slot.getKey();
            if (tiersOnly) {
                List<ContractRequest.Tier> tiers = proposal.creditTiers();
                for (int i = 0; i < tiers.size(); i++) {
                    String field = "proposal.creditTiers[" + i + "].belowPercent";
                    BigDecimal below = tiers.get(i) == null ? null : tiers.get(i).belowPercent();
                    if (below != null && below.compareTo(current.targetPercent()) > 0 && !violations.has(field)) {
                        violations.add(field, "must not be above the targetPercent of contract " + current.id()
                                + " (" + current.targetPercent().toPlainString() + ", in force in "
                                + slot.getValue() + "); propose a targetPercent too");
                    }
                }
            } else if (!violations.has("proposal.targetPercent")) {
                current.creditTiers().stream()
                        .filter(tier -> tier.belowPercent().compareTo(proposal.targetPercent()) > 0)
                        .findFirst()
                        .ifPresent(tier -> violations.add("proposal.targetPercent", "is below the credit tier "
                                + tier.belowPercent().toPlainString() + " of contract " + current.id()
                                + " (in force in " + slot.getValue() + "); propose creditTiers too"));
            }
        }
        return violations.list();
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
