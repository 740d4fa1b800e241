package com.slaledger.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The money side of a contract: the target, the credit tiers and the cap, as in SPEC.md
 * "SLA breach and credit".
 *
 * <p>An invalid policy cannot be built: the constructor throws {@link IllegalArgumentException}
 * carrying every violation. Forms and APIs that want to report each violation on its own call
 * {@link #violations} first.
 */
public record CreditPolicy(BigDecimal targetPercent, List<CreditTier> tiers, BigDecimal capPercent) {

    public CreditPolicy {
        Objects.requireNonNull(targetPercent, "targetPercent");
        Objects.requireNonNull(capPercent, "capPercent");
        tiers = List.copyOf(tiers);
        List<String> violations = violations(targetPercent, tiers, capPercent);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid credit policy: " + String.join("; ", violations));
        }
    }

    /** A policy with the default cap of 100% of the monthly fee. */
    public static CreditPolicy of(BigDecimal targetPercent, List<CreditTier> tiers) {
        return new CreditPolicy(targetPercent, tiers, Percent.HUNDRED);
    }

    /**
     * Every reason the policy is invalid, one message each; empty when it is valid. The rule
     * from the spec is that no tier's {@code belowPercent} may exceed the target (a tier above
     * it would pay credits for a month that met the SLA); the ranges are checked as well.
     */
    public static List<String> violations(BigDecimal targetPercent, List<CreditTier> tiers, BigDecimal capPercent) {
        List<String> violations = new ArrayList<>();
        if (targetPercent.signum() <= 0 || targetPercent.compareTo(Percent.HUNDRED) > 0) {
            violations.add("targetPercent must be above 0 and at most 100, was " + targetPercent.toPlainString());
        }
        if (capPercent.signum() < 0 || capPercent.compareTo(Percent.HUNDRED) > 0) {
            violations.add("capPercent must be between 0 and 100, was " + capPercent.toPlainString());
        }
        for (int i = 0; i < tiers.size(); i++) {
            CreditTier tier = tiers.get(i);
            if (tier.belowPercent().compareTo(targetPercent) > 0) {
                violations.add("tiers[" + i + "].belowPercent " + tier.belowPercent().toPlainString()
                        + " exceeds the target " + targetPercent.toPlainString());
            }
            if (tier.belowPercent().signum() <= 0) {
                violations.add("tiers[" + i + "].belowPercent must be above 0, was " + tier.belowPercent().toPlainString());
            }
            if (tier.creditPercent().signum() < 0 || tier.creditPercent().compareTo(Percent.HUNDRED) > 0) {
                violations.add("tiers[" + i + "].creditPercent must be between 0 and 100, was "
                        + tier.creditPercent().toPlainString());
            }
        }
        return violations;
    }

    /** Breach when availability is strictly below the target. */
    public boolean isBreach(BigDecimal availabilityPercent) {
        return availabilityPercent.compareTo(targetPercent) < 0;
    }

    /**
     * The largest {@code creditPercent} among the tiers the availability earns, 0 if none,
     * before the cap. Taking the largest rather than the lowest tier reached keeps a tier list
     * that is out of order or skips a level from paying less than it promises.
     */
    public BigDecimal tierCreditPercent(BigDecimal availabilityPercent) {
        return tiers.stream()
                .filter(tier -> tier.earnedBy(availabilityPercent))
                .map(CreditTier::creditPercent)
                .max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
    }

    /** {@code min(creditPercent, capPercent) · monthlyFee / 100}, half-even to the minor unit. */
    public SlaOutcome assess(BigDecimal availabilityPercent, boolean provisional, Money monthlyFee) {
        BigDecimal tierCreditPercent = tierCreditPercent(availabilityPercent);
        BigDecimal creditPercent = tierCreditPercent.min(capPercent);
        Money credit = Money.rounded(creditPercent.multiply(monthlyFee.amount()).movePointLeft(2),
                monthlyFee.currency());
        return new SlaOutcome(availabilityPercent, targetPercent, isBreach(availabilityPercent),
                tierCreditPercent, creditPercent, credit, provisional);
    }

    public SlaOutcome assess(Availability availability, Money monthlyFee) {
        return assess(availability.availabilityPercent(), availability.provisional(), monthlyFee);
    }
}
