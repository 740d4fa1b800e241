package com.slaledger.whatif;

import com.slaledger.contract.ContractRequest;
import com.slaledger.contract.ContractService;
import com.slaledger.contract.ImpactModel;
import com.slaledger.contract.Money;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.TextSanity;
import com.slaledger.platform.Violations;
import com.slaledger.report.ContractProposal;
import com.slaledger.report.WhatIfService;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The checks a what-if's own input passes before anything is read: the month range and the proposal's
 * fields. A proposal's fields obey the rules of a contract's ({@link ContractService#check}: bounds, six
 * decimals, tiers not above the target, ISO 4217 fee at its minor unit, the threshold with THRESHOLD only),
 * named under {@code proposal.}; the rules that depend on the versions it is tried on are
 * {@link WhatIfService}'s.
 */
@ApplicationScoped
public class WhatIfRules {

    /** The longest minimum outage a proposal may name: a 31-day month, beyond which no outage counts. */
    public static final int MAX_MINIMUM_OUTAGE_SECONDS = 31 * 86_400;

    /** The most credit tiers a proposal may name: a contract's own limit ({@code ContractRequest#creditTiers}). */
    public static final int MAX_TIERS = 100;

    private static final List<String> PROPOSAL_FIELDS = List.of("targetPercent", "creditTiers", "creditCapPercent",
            "impactModel", "impactThresholdPercent", "minimumOutageSeconds", "monthlyFee");

    private final ContractService contracts;

    public WhatIfRules(ContractService contracts) {
        this.contracts = contracts;
    }

    /** A range of whole months {@code from..to}, both inclusive. */
    public record MonthRange(YearMonth from, YearMonth to) {

        public int months() {
            return (int) ChronoUnit.MONTHS.between(from, to) + 1;
        }
    }

    /**
     * {@code from} and {@code to} as {@code YYYY-MM}: from not after to, at most
     * {@value WhatIfService#MAX_MONTHS} months, and {@code to} not after the month {@code asOf} falls in, in
     * {@code zone}. Violations are added under the names given; null when any is found.
     */
    public MonthRange range(String from, String to, Instant asOf, ZoneId zone, Violations violations) {
        int before = violations.list().size();
        YearMonth first = month("from", from, violations);
        YearMonth last = month("to", to, violations);
        YearMonth current = YearMonth.from(asOf.atZone(zone));
        if (last != null && last.isAfter(current)) {
            violations.add("to", "must not be after the current month (" + current + " in " + zone.getId() + ")");
        }
        if (first == null || last == null) {
            return null;
        }
        if (last.isBefore(first)) {
            violations.add("to", "must not be before from (" + first + ")");
        } else if (ChronoUnit.MONTHS.between(first, last) + 1 > WhatIfService.MAX_MONTHS) {
            violations.add("to", "must be at most " + WhatIfService.MAX_MONTHS + " months from " + first
                    + " (both included); " + first + " to " + last + " is " + (ChronoUnit.MONTHS.between(first, last) + 1));
        }
        return violations.list().size() == before ? new MonthRange(first, last) : null;
    }

    private static YearMonth month(String field, String text, Violations violations) {
        if (text == null || text.isBlank()) {
            violations.add(field, "is required, as YYYY-MM");
            return null;
        }
        return InputLimits.month(text.strip()).filter(month -> text.strip().length() == 7)
                .orElseGet(() -> {
                    violations.add(field, "must be a month as YYYY-MM, such as 2024-01");
                    return null;
                });
    }

    /**
     * The name a what-if is saved under, stripped: 1 to {@value SavedWhatIfService#MAX_NAME_LENGTH} characters,
     * none a control character, an unpaired surrogate or a bidirectional control ({@link TextSanity#unfit}, so a
     * name cannot read as another in the list). A violation is added under {@code name}; null when one is found.
     */
    public String name(String name, Violations violations) {
        String stripped = name == null ? null : name.strip();
        if (stripped == null || stripped.isEmpty()) {
            violations.add("name", "is required");
        } else if (stripped.length() > SavedWhatIfService.MAX_NAME_LENGTH) {
            violations.add("name", "must be at most " + SavedWhatIfService.MAX_NAME_LENGTH + " characters");
        } else if (!TextSanity.check("name", stripped, false, violations)) {
            return stripped;
        }
        return null;
    }

    /** The proposal's own rules, each violation named {@code proposal.<field>}; a null proposal changes nothing. */
    public void proposal(ContractProposal proposal, Violations violations) {
        if (proposal == null) {
            return;
        }
        // a contract request whose fields the proposal leaves out are ones no rule objects to
        ImpactModel model = proposal.impactModel();
        if (model == null && proposal.impactThresholdPercent() != null) {
            violations.add("proposal.impactThresholdPercent", "comes with impactModel THRESHOLD; give both");
            model = ImpactModel.THRESHOLD;
        }
        // more tiers than a contract may have are refused for their number alone: a body of 100,000 tiers
        // would otherwise be checked tier by tier and answered with as many violations
        List<ContractRequest.Tier> tiers = proposal.creditTiers();
        if (tiers != null && tiers.size() > MAX_TIERS) {
            violations.add("proposal.creditTiers", "must have at most " + MAX_TIERS + " tiers; it has " + tiers.size());
            tiers = null;
        }
        ContractRequest asContract = new ContractRequest(LocalDate.of(2000, 1, 1), null, null,
                proposal.targetPercent() != null ? proposal.targetPercent() : new BigDecimal("100"),
                tiers,
                proposal.monthlyFee() != null ? proposal.monthlyFee() : new Money(BigDecimal.ZERO, "EUR"),
                proposal.creditCapPercent(), model, proposal.impactThresholdPercent(),
                proposal.minimumOutageSeconds(), null, null, null);
        for (FieldViolation violation : contracts.check(asContract)) {
            if (PROPOSAL_FIELDS.stream().anyMatch(field -> violation.field().equals(field)
                    || violation.field().startsWith(field + ".") || violation.field().startsWith(field + "["))) {
                violations.add("proposal." + violation.field(), violation.message());
            }
        }
        if (proposal.minimumOutageSeconds() != null && proposal.minimumOutageSeconds() > MAX_MINIMUM_OUTAGE_SECONDS) {
            violations.add("proposal.minimumOutageSeconds", "must be at most " + MAX_MINIMUM_OUTAGE_SECONDS
                    + " (31 days)");
        }
    }
}
