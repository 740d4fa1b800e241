package com.slaledger.web;

import com.slaledger.contract.ContractRequest;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.Money;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.report.ContractProposal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The what-if form: the contract terms a renegotiation changes, typed as on the contract form (whose reading
 * this reuses), a range of months, and a name to save it under. It starts from the version in force today;
 * only the terms typed differently from that version become the proposal, so a term left alone keeps, month
 * by month, the value of the version in force then (the API's "fields left out").
 */
public class WhatIfForm extends ContractForm {

    @RestForm
    public String from;
    @RestForm
    public String to;
    @RestForm
    public String name;

    /** What the form turned into: the proposal, and what could not be read, by form field. */
    public record Parsed(ContractProposal proposal, FormErrors errors, List<Integer> tierRows) {
    }

    /** The form of a what-if starting from {@code base} (null: a client without any contract). */
    static WhatIfForm of(ContractResponse base, String from, String to) {
        WhatIfForm form = new WhatIfForm();
        ContractForm terms = base == null ? ContractForm.empty() : ContractForm.of(base);
        form.targetPercent = terms.targetPercent;
        form.tierBelow = terms.tierBelow;
        form.tierCredit = terms.tierCredit;
        form.feeAmount = terms.feeAmount;
        form.feeCurrency = terms.feeCurrency;
        form.creditCapPercent = terms.creditCapPercent;
        form.impactModel = terms.impactModel;
        form.impactThresholdPercent = terms.impactThresholdPercent;
        form.minimumOutageSeconds = terms.minimumOutageSeconds;
        form.from = from;
        form.to = to;
        form.name = "";
        return form;
    }

    /** The form of a saved proposal: {@code base} with the proposal's fields in place. */
    static WhatIfForm of(ContractResponse base, ContractProposal proposal, String from, String to, String name) {
        WhatIfForm form = base == null ? of(null, from, to) : of(proposalApplied(base, proposal), from, to);
        form.name = name;
        return form;
    }

    private static ContractResponse proposalApplied(ContractResponse base, ContractProposal proposal) {
        return new ContractResponse(base.id(), base.clientKey(), base.clientTimeZone(), base.effectiveFrom(),
                base.effectiveTo(), base.coveredServices(),
                proposal.targetPercent() != null ? proposal.targetPercent() : base.targetPercent(),
                proposal.creditTiers() != null ? proposal.creditTiers().stream()
                        .map(tier -> new ContractResponse.Tier(tier.belowPercent(), tier.creditPercent())).toList()
                        : base.creditTiers(),
                proposal.monthlyFee() != null ? proposal.monthlyFee() : base.monthlyFee(),
                proposal.creditCapPercent() != null ? proposal.creditCapPercent() : base.creditCapPercent(),
                proposal.impactModel() != null ? proposal.impactModel() : base.impactModel(),
                proposal.impactModel() != null ? proposal.impactThresholdPercent() : base.impactThresholdPercent(),
                proposal.minimumOutageSeconds() != null ? proposal.minimumOutageSeconds() : base.minimumOutageSeconds(),
                base.createdAt(), base.updatedAt(), base.claimRule(), base.claimWindowDays(), base.serviceCalendar());
    }

    @Override
    public String value(String field) {
        return switch (field) {
            case "from" -> from == null ? "" : from;
            case "to" -> to == null ? "" : to;
            case "name" -> name == null ? "" : name;
            default -> super.value(field);
        };
    }

    /**
     * The proposal: each term typed differently from {@code base} (all typed terms when there is none). The
     * fee's amount and currency go together, as do the impact model and its threshold.
     */
    Parsed parse(ContractResponse base) {
        ContractForm.Parsed typed = super.parse();
        ContractRequest request = typed.request();
        ContractRequest current = base == null ? null : ContractForm.of(base).parse().request();
        BigDecimal target = differs(request.targetPercent(), current == null ? null : current.targetPercent())
                ? request.targetPercent() : null;
        List<ContractRequest.Tier> tiers = current != null && tierSet(request.creditTiers())
                .equals(tierSet(current.creditTiers())) ? null : request.creditTiers();
        BigDecimal cap = differs(orDefault(request.creditCapPercent(), "100"),
                current == null ? null : orDefault(current.creditCapPercent(), "100"))
                ? orDefault(request.creditCapPercent(), "100") : null;
        boolean modelChanged = current == null || request.impactModel() != current.impactModel()
                || differs(request.impactThresholdPercent(), current.impactThresholdPercent());
        Integer minimum = request.minimumOutageSeconds();
        Integer currentMinimum = current == null ? null : current.minimumOutageSeconds();
        Money fee = request.monthlyFee();
        boolean feeChanged = current == null || fee == null || !Objects.equals(fee.currency(),
                current.monthlyFee().currency()) || differs(fee.amount(), current.monthlyFee().amount());
        ContractProposal proposal = new ContractProposal(target, tiers, cap,
                modelChanged ? request.impactModel() : null, modelChanged ? request.impactThresholdPercent() : null,
                Objects.equals(minimum, currentMinimum) ? null : minimum, feeChanged ? fee : null);
        return new Parsed(proposal, typed.errors(), typed.tierRows());
    }

    /**
     * The what-if's violations beside the form's fields: {@code proposal.targetPercent} beside the target,
     * tiers beside their rows, the range and the name beside theirs.
     */
    static void addViolations(FormErrors errors, List<FieldViolation> violations, List<Integer> tierRows) {
        List<FieldViolation> terms = violations.stream().filter(v -> v.field().startsWith("proposal."))
                .map(v -> new FieldViolation(v.field().substring("proposal.".length()), v.message())).toList();
        ContractForm.addViolations(errors, terms, tierRows);
        violations.stream().filter(v -> !v.field().startsWith("proposal."))
                .forEach(v -> errors.add(v.field(), v.message()));
    }

    /**
     * Whether the target and every tier row could be read: only then is the proposal held against the client's
     * versions (a target typed but unreadable would otherwise read as "tiers without a target").
     */
    static boolean targetAndTiersRead(FormErrors errors) {
        return !errors.has("targetPercent") && !errors.has("creditTiers")
                && errors.fields().stream().noneMatch(field -> field.startsWith(TIER_FIELD));
    }

    private static boolean differs(BigDecimal typed, BigDecimal current) {
        return typed == null ? current != null : current == null || typed.compareTo(current) != 0;
    }

    private static BigDecimal orDefault(BigDecimal value, String fallback) {
        return value != null ? value : new BigDecimal(fallback);
    }

    private static Set<List<BigDecimal>> tierSet(List<ContractRequest.Tier> tiers) {
        return tiers == null ? Set.of() : tiers.stream()
                .map(tier -> List.of(tier.belowPercent().stripTrailingZeros(), tier.creditPercent().stripTrailingZeros()))
                .collect(Collectors.toSet());
    }
}
