package com.slaledger.contract;

import com.slaledger.audit.AuditTrail;
import com.slaledger.client.Client;
import com.slaledger.client.ClientService;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.Violations;
import com.slaledger.service.Service;
import com.slaledger.service.ServiceCatalog;
import io.quarkus.panache.common.Sort;
import com.slaledger.calendar.ServiceCalendarService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Contract versions: their rules, and which version applied when, for the features that compute SLAs. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ContractService {

    static final String AUDIT_ENTITY = "contract";

    private final ContractRepository contracts;
    private final ClientService clients;
    private final ServiceCatalog services;
    private final Validator validator;
    private final AuditTrail audit;
    private final ServiceCalendarService calendars;

    public ContractService(ContractRepository contracts, ClientService clients, ServiceCatalog services,
            Validator validator, AuditTrail audit, ServiceCalendarService calendars) {
        this.contracts = contracts;
        this.clients = clients;
        this.services = services;
        this.validator = validator;
        this.audit = audit;
        this.calendars = calendars;
    }

    /** Keys of the services any contract version of these clients covers (for scoping what a caller sees). */
    public List<String> coveredServiceKeys(Collection<String> clientKeys) {
        return contracts.coveredServiceKeys(clientKeys);
    }

    /**
     * The month (of its client's zone) in which the earliest contract of any client begins; empty without
     * contracts. Month pages of the whole fleet walk back no further: before it there is nothing to report.
     */
    public Optional<YearMonth> firstContractMonth() {
        return contracts.findAll(Sort.by("effectiveFrom")).firstResultOptional()
                .map(contract -> YearMonth.from(contract.effectiveFrom));
    }

    /** The client's versions, oldest first; 404 problem for an unknown client. */
    public List<ContractResponse> list(String clientKey) {
        clients.require(clientKey);
        return versionsOf(clientKey);
    }

    /**
     * The client's versions, oldest first, in one query, for a caller that has already looked the client up
     * (and checked the caller may see it): no second look-up, and an unknown key simply has none.
     */
    public List<ContractResponse> versionsOf(String clientKey) {
        return contracts.listByClientKey(clientKey).stream().map(ContractResponse::of).toList();
    }

    public Optional<ContractResponse> find(long id) {
        return contracts.findWithTerms(id).map(ContractResponse::of);
    }

    /** The version in force on that day of the client's calendar; 404 problem for an unknown client. */
    public Optional<ContractResponse> inForce(String clientKey, LocalDate day) {
        clients.require(clientKey);
        return contracts.inForce(clientKey, day).map(ContractResponse::of);
    }

    /** The version in force today in the client's time zone; 404 problem for an unknown client. */
    public Optional<ContractResponse> inForceToday(String clientKey) {
        Client client = clients.require(clientKey);
        return contracts.inForce(clientKey, LocalDate.now(client.zone())).map(ContractResponse::of);
    }

    /**
     * Every version of every client in force on at least one day of {@code [from, toExclusive)}, ordered by
     * client key and start, read in one query for the all-clients monthly report. The dates are calendar
     * days, each compared in its own client's zone: a caller wanting a month in every zone passes that month.
     */
    public List<ContractResponse> inForceDuring(LocalDate from, LocalDate toExclusive) {
        return contracts.overlapping(from, toExclusive).stream().map(ContractResponse::of).toList();
    }

    /**
     * The request's own rules (bean validation, covered services, tiers, fee, impact model, dates) without
     * writing anything or comparing with the client's other versions: a form that could not read some of
     * its fields shows every other mistake at once. Violations name fields as the API does
     * ({@code creditTiers[1].belowPercent}, {@code monthlyFee.currency}).
     */
    public List<FieldViolation> check(ContractRequest request) {
        Violations violations = new Violations();
        check(request, violations);
        return violations.list();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public ContractResponse create(String clientKey, ContractRequest request) {
        Client client = clients.require(clientKey);
        Violations violations = new Violations();
        Map<String, Service> covered = check(request, violations);
        List<Contract> otherVersions = lockAndListVersions(client, null);
        checkAgainstOtherVersions(request, otherVersions, violations);
        violations.throwIfAny();
        refuseOverlap(request, otherVersions);

        Contract contract = new Contract();
        contract.client = client;
        apply(request, covered, contract);
        contracts.persistAndFlush(contract);
        ContractResponse created = ContractResponse.of(contract);
        audit.record(AUDIT_ENTITY, contract.id, "create", null, audit.snapshot(created));
        return created;
    }

    /** Replaces every term of a version (an admin's change); see {@link #update(long, ContractRequest, boolean)}. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<ContractResponse> update(long id, ContractRequest request) {
        return update(id, request, true);
    }

    /**
     * Replaces a version's terms. With {@code allTerms} false (a caller who is finance but not admin), only
     * the monthly fee's amount may differ from what is stored (SPEC "Who may do what": finance edits fees);
     * any other difference is refused with a 403 problem naming each such field, before anything is written.
     * Empty when no version has this id.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<ContractResponse> update(long id, ContractRequest request, boolean allTerms) {
        Optional<Contract> found = contracts.findWithTerms(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Contract contract = found.get();
        if (!allTerms) {
            List<String> changed = termsOtherThanFeeChanged(request, contract);
            if (!changed.isEmpty()) {
                throw new ProblemException(403, "Forbidden", "Finance may change only monthlyFee.amount; "
                        + String.join(", ", changed) + " may be changed only by an admin", changed.stream()
                        .map(field -> new FieldViolation(field, "may be changed only by an admin")).toList());
            }
        }
        Violations violations = new Violations();
        Map<String, Service> covered = check(request, violations);
        List<Contract> otherVersions = lockAndListVersions(contract.client, contract.id);
        checkAgainstOtherVersions(request, otherVersions, violations);
        violations.throwIfAny();
        refuseOverlap(request, otherVersions);

        String before = audit.snapshot(ContractResponse.of(contract));
        apply(request, covered, contract);
        contracts.flush();
        ContractResponse updated = ContractResponse.of(contract);
        audit.record(AUDIT_ENTITY, contract.id, "update", before, audit.snapshot(updated));
        return Optional.of(updated);
    }

    /** The request's terms, other than the fee's amount, that differ from the stored version (defaults applied). */
    static List<String> termsOtherThanFeeChanged(ContractRequest request, Contract stored) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(request.effectiveFrom(), stored.effectiveFrom)) {
            changed.add("effectiveFrom");
        }
        if (!Objects.equals(request.effectiveTo(), stored.effectiveTo)) {
            changed.add("effectiveTo");
        }
        Set<String> storedServices = stored.services.stream().map(service -> service.key).collect(Collectors.toSet());
        if (request.coveredServices() == null || !new HashSet<>(request.coveredServices()).equals(storedServices)
                || request.coveredServices().size() != storedServices.size()) {
            changed.add("coveredServices");
        }
        if (!sameDecimal(request.targetPercent(), stored.targetPercent)) {
            changed.add("targetPercent");
        }
        Set<List<BigDecimal>> storedTiers = stored.creditTiers.stream()
                .map(tier -> List.of(normalized(tier.belowPercent), normalized(tier.creditPercent)))
                .collect(Collectors.toSet());
        List<ContractRequest.Tier> tiers = request.tiersOrEmpty();
        Set<List<BigDecimal>> requestedTiers = tiers.stream()
                .map(tier -> tier == null || tier.belowPercent() == null || tier.creditPercent() == null ? null
                        : List.of(normalized(tier.belowPercent()), normalized(tier.creditPercent())))
                .collect(HashSet::new, Set::add, Set::addAll);
        if (tiers.size() != storedTiers.size() || !requestedTiers.equals(storedTiers)) {
            changed.add("creditTiers");
        }
        if (request.monthlyFee() == null || !Objects.equals(request.monthlyFee().currency(), stored.currency)) {
            changed.add("monthlyFee.currency");
        }
        if (!sameDecimal(request.capOrDefault(), stored.creditCapPercent)) {
            changed.add("creditCapPercent");
        }
        if (request.impactModelOrDefault() != stored.impactModel) {
            changed.add("impactModel");
        }
        if (!sameDecimal(request.impactThresholdPercent(), stored.impactThresholdPercent)) {
            changed.add("impactThresholdPercent");
        }
        if (request.minimumOutageSecondsOrDefault() != stored.minimumOutageSeconds) {
            changed.add("minimumOutageSeconds");
        }
        if (request.claimRuleOrDefault() != stored.claimRule) {
            changed.add("claimRule");
        }
        if (!Objects.equals(request.claimWindowDays(), stored.claimWindowDays)) {
            changed.add("claimWindowDays");
        }
        if (!Objects.equals(request.serviceCalendarOrNull(), stored.serviceCalendarKey)) {
            changed.add("serviceCalendar");
        }
        return changed;
    }

    private static boolean sameDecimal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal normalized(BigDecimal value) {
        return value.stripTrailingZeros();
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(long id) {
        Optional<Contract> found = contracts.findByIdOptional(id);
        if (found.isEmpty()) {
            return false;
        }
        Contract contract = found.get();
        // Past months were measured against this version; deleting it would rewrite reports already sent.
        LocalDate today = LocalDate.now(contract.client.zone());
        if (!contract.effectiveFrom.isAfter(today)) {
            throw ProblemException.conflict("Contract " + id + " took effect on " + contract.effectiveFrom
                    + "; end it by setting effectiveTo instead of deleting it");
        }
        String before = audit.snapshot(contracts.findWithTerms(id).map(ContractResponse::of).orElseThrow());
        contracts.delete(contract);
        contracts.flush();
        audit.record(AUDIT_ENTITY, id, "delete", before, null);
        return true;
    }

    /**
     * Locks the client row before reading its versions, so two requests cannot each see no overlap and
     * both save one: the second waits for the first to commit and then sees its version.
     */
    private List<Contract> lockAndListVersions(Client client, Long except) {
        contracts.getEntityManager().lock(client, LockModeType.PESSIMISTIC_WRITE);
        return contracts.listByClient(client).stream().filter(c -> !c.id.equals(except)).toList();
    }

    /** The request's own rules; answers the covered services by key. */
    private Map<String, Service> check(ContractRequest request, Violations violations) {
        violations.addAll(validator.validate(request), "");
        Map<String, Service> covered = checkCoveredServices(request.coveredServices(), violations);
        checkTiers(request, violations);
        checkFee(request.monthlyFee(), violations);

        ImpactModel model = request.impactModelOrDefault();
        if (model == ImpactModel.THRESHOLD && request.impactThresholdPercent() == null) {
            violations.add("impactThresholdPercent", "is required for the THRESHOLD impact model");
        } else if (model != ImpactModel.THRESHOLD && request.impactThresholdPercent() != null) {
            violations.add("impactThresholdPercent", "applies only to the THRESHOLD impact model, not " + model);
        }

        ClaimRule claimRule = request.claimRuleOrDefault();
        if (claimRule == ClaimRule.CLAIM_WITHIN_DAYS && request.claimWindowDays() == null) {
            violations.add("claimWindowDays", "is required for the CLAIM_WITHIN_DAYS claim rule (1 to 366 days)");
        } else if (claimRule != ClaimRule.CLAIM_WITHIN_DAYS && request.claimWindowDays() != null) {
            violations.add("claimWindowDays", "applies only to the CLAIM_WITHIN_DAYS claim rule, not " + claimRule);
        }

        LocalDate from = request.effectiveFrom();
        LocalDate to = request.effectiveTo();
        if (from != null && to != null && !to.isAfter(from)) {
            violations.add("effectiveTo", "must be after effectiveFrom (" + from + ")");
        }
        if (to != null && to.getDayOfMonth() != 1) {
            violations.add("effectiveTo", "must be the first day of a month, so a month never mixes two versions");
        }
        String calendar = request.serviceCalendarOrNull();
        if (calendar != null && calendar.length() <= 64 && !calendars.exists(calendar)) {
            violations.add("serviceCalendar", "no service calendar '" + calendar + "'");
        }
        return covered;
    }

    private Map<String, Service> checkCoveredServices(List<String> keys, Violations violations) {
        if (keys == null) {
            return Map.of();
        }
        Set<String> wanted = keys.stream().filter(key -> key != null && !key.isBlank()).collect(Collectors.toSet());
        Map<String, Service> found = services.findByKeys(wanted).stream()
                .collect(Collectors.toMap(service -> service.key, Function.identity()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (key == null || key.isBlank()) {
                continue;
            }
            if (!seen.add(key)) {
                violations.add("coveredServices[" + i + "]", "'" + key + "' is listed twice");
            } else if (!found.containsKey(key)) {
                violations.add("coveredServices[" + i + "]", "no service '" + key + "'");
            }
        }
        return found;
    }

    private void checkTiers(ContractRequest request, Violations violations) {
        List<ContractRequest.Tier> tiers = request.tiersOrEmpty();
        BigDecimal target = request.targetPercent();
        // a set of the values without trailing zeros, so that 99.9 and 99.90 clash: one look-up per tier, where
        // comparing each with all before it took minutes on a body of 30,000 tiers (refused anyway for size)
        Set<BigDecimal> seen = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            ContractRequest.Tier tier = tiers.get(i);
            if (tier == null || tier.belowPercent() == null) {
                continue;
            }
            String field = "creditTiers[" + i + "].belowPercent";
            if (target != null && tier.belowPercent().compareTo(target) > 0) {
                violations.add(field, "must not be above targetPercent (" + target.toPlainString() + ")");
            }
            if (!seen.add(tier.belowPercent().stripTrailingZeros())) {
                violations.add(field, "another tier has the same belowPercent");
            }
        }
    }

    private void checkFee(Money fee, Violations violations) {
        if (fee == null || fee.currency() == null) {
            return;
        }
        Optional<Currency> currency = Money.knownCurrency(fee.currency());
        if (currency.isEmpty()) {
            violations.add("monthlyFee.currency", "must be an ISO 4217 currency code such as EUR");
        } else if (fee.amount() != null) {
            int digits = currency.get().getDefaultFractionDigits();
            if (fee.amount().stripTrailingZeros().scale() > digits) {
                violations.add("monthlyFee.amount", digits == 0
                        ? fee.currency() + " has no minor unit; give a whole amount"
                        : "must have at most " + digits + " decimal places in " + fee.currency());
            }
        }
    }

    private void checkAgainstOtherVersions(ContractRequest request, List<Contract> otherVersions,
            Violations violations) {
        LocalDate from = request.effectiveFrom();
        if (from == null || otherVersions.isEmpty()) {
            return;
        }
        Contract earliest = otherVersions.get(0);
        if (from.isAfter(earliest.effectiveFrom) && from.getDayOfMonth() != 1) {
            violations.add("effectiveFrom", "must be the first day of a month: only a client's earliest version"
                    + " may start on another day, and contract " + earliest.id + " starts earlier, on "
                    + earliest.effectiveFrom);
        } else if (from.isBefore(earliest.effectiveFrom) && earliest.effectiveFrom.getDayOfMonth() != 1) {
            violations.add("effectiveFrom", "must not be before contract " + earliest.id + ", which starts on "
                    + earliest.effectiveFrom + ": a later version must start on the first day of a month");
        }
    }

    private void refuseOverlap(ContractRequest request, List<Contract> otherVersions) {
        List<Contract> clashing = otherVersions.stream()
                .filter(other -> other.overlaps(request.effectiveFrom(), request.effectiveTo()))
                .sorted(Comparator.comparing(other -> other.effectiveFrom))
                .toList();
        if (clashing.isEmpty()) {
            return;
        }
        String detail = clashing.stream()
                .map(other -> "contract " + other.id + " (" + other.effectiveFrom + " to "
                        + (other.effectiveTo == null ? "open end" : other.effectiveTo) + ")")
                .collect(Collectors.joining(", ", "The period overlaps ", "; at most one version may be in force"
                        + " on any day"));
        List<FieldViolation> violations = clashing.stream()
                .map(other -> new FieldViolation("effectiveFrom", "overlaps contract " + other.id))
                .toList();
        throw ProblemException.conflict(detail, violations);
    }

    private void apply(ContractRequest request, Map<String, Service> covered, Contract contract) {
        contract.effectiveFrom = request.effectiveFrom();
        contract.effectiveTo = request.effectiveTo();
        contract.services.clear();
        request.coveredServices().forEach(key -> contract.services.add(covered.get(key)));
        contract.targetPercent = request.targetPercent();
        contract.creditTiers.clear();
        request.tiersOrEmpty().forEach(tier ->
                contract.creditTiers.add(new CreditTier(tier.belowPercent(), tier.creditPercent())));
        contract.monthlyFee = request.monthlyFee().amount();
        contract.currency = request.monthlyFee().currency();
        contract.creditCapPercent = request.capOrDefault();
        contract.impactModel = request.impactModelOrDefault();
        contract.impactThresholdPercent = request.impactThresholdPercent();
        contract.minimumOutageSeconds = request.minimumOutageSecondsOrDefault();
        contract.claimRule = request.claimRuleOrDefault();
        contract.claimWindowDays = request.claimWindowDays();
        contract.serviceCalendarKey = request.serviceCalendarOrNull();
    }
}
