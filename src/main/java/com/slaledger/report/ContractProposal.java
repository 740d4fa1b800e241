package com.slaledger.report;

import com.slaledger.contract.ContractRequest;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.ImpactModel;
import com.slaledger.contract.Money;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contract terms a renegotiation would change, for a what-if: every field is optional, and a field
 * left out keeps the value of the version in force in each month. The fields mean what they mean on a
 * contract (SPEC "Domain", "SLA breach and credit"); an {@code impactThresholdPercent} comes with
 * {@code impactModel} THRESHOLD. Checked by the what-if's rules before it is applied.
 */
public record ContractProposal(BigDecimal targetPercent, List<ContractRequest.Tier> creditTiers,
        BigDecimal creditCapPercent, ImpactModel impactModel, BigDecimal impactThresholdPercent,
        Integer minimumOutageSeconds, Money monthlyFee) {

    /** A proposal that changes nothing: every month reads as under the current contract. */
    public static final ContractProposal NONE = new ContractProposal(null, null, null, null, null, null, null);

    /**
     * Whether the proposal can change availability: only the impact model and the minimum outage enter the
     * measurement; target, tiers, cap and fee only change the verdict and the money drawn from it.
     */
    public boolean changesMeasurement() {
        return impactModel != null || impactThresholdPercent != null || minimumOutageSeconds != null;
    }

    /**
     * Whether {@code other} proposes the same terms: decimals compared by value ({@code 100}, {@code 100.0}
     * and {@code 1E+2} are one target, as PostgreSQL's jsonb keeps them), tiers in any order (they are
     * applied highest first whatever the order given), the fee by currency and amount.
     */
    public boolean sameTerms(ContractProposal other) {
        return other != null && sameValue(targetPercent, other.targetPercent)
                && Objects.equals(tierSet(creditTiers), tierSet(other.creditTiers))
                && sameValue(creditCapPercent, other.creditCapPercent) && impactModel == other.impactModel
                && sameValue(impactThresholdPercent, other.impactThresholdPercent)
                && Objects.equals(minimumOutageSeconds, other.minimumOutageSeconds)
                && (monthlyFee == null ? other.monthlyFee == null : other.monthlyFee != null
                        && Objects.equals(monthlyFee.currency(), other.monthlyFee.currency())
                        && sameValue(monthlyFee.amount(), other.monthlyFee.amount()));
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Set<List<BigDecimal>> tierSet(List<ContractRequest.Tier> tiers) {
        return tiers == null ? null : tiers.stream()
                .map(tier -> List.of(tier.belowPercent().stripTrailingZeros(), tier.creditPercent().stripTrailingZeros()))
                .collect(Collectors.toSet());
    }

    /** The version as it would read under this proposal (same id, dates and services; tiers highest first). */
    ContractResponse applyTo(ContractResponse current) {
        List<ContractResponse.Tier> tiers = creditTiers == null ? current.creditTiers() : creditTiers.stream()
                .map(tier -> new ContractResponse.Tier(tier.belowPercent(), tier.creditPercent()))
                .sorted(Comparator.comparing(ContractResponse.Tier::belowPercent).reversed())
                .toList();
        ImpactModel model = impactModel != null ? impactModel : current.impactModel();
        BigDecimal threshold = impactModel != null || impactThresholdPercent != null ? impactThresholdPercent
                : current.impactThresholdPercent();
        return new ContractResponse(current.id(), current.clientKey(), current.clientTimeZone(),
                current.effectiveFrom(), current.effectiveTo(), current.coveredServices(),
                targetPercent != null ? targetPercent : current.targetPercent(), tiers,
                monthlyFee != null ? monthlyFee : current.monthlyFee(),
                creditCapPercent != null ? creditCapPercent : current.creditCapPercent(), model, threshold,
                minimumOutageSeconds != null ? minimumOutageSeconds : current.minimumOutageSeconds(),
                current.createdAt(), current.updatedAt(), current.claimRule(), current.claimWindowDays(),
                current.serviceCalendar());
    }
}
