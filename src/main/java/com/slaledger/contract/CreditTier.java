package com.slaledger.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** "Availability below {@code belowPercent} earns {@code creditPercent} of the monthly fee." */
@Embeddable
public class CreditTier {

    @Column(name = "below_percent", nullable = false, precision = 9, scale = 6)
    public BigDecimal belowPercent;

    @Column(name = "credit_percent", nullable = false, precision = 9, scale = 6)
    public BigDecimal creditPercent;

    protected CreditTier() {
    }

    public CreditTier(BigDecimal belowPercent, BigDecimal creditPercent) {
        this.belowPercent = belowPercent;
        this.creditPercent = creditPercent;
    }

    // Tiers live in a set (a bag would repeat rows when fetched together with the covered services);
    // 99.9 from a request and 99.900000 from the database are the same tier, so compare by value, not scale.
    @Override
    public boolean equals(Object other) {
        return other instanceof CreditTier tier
                && belowPercent.compareTo(tier.belowPercent) == 0
                && creditPercent.compareTo(tier.creditPercent) == 0;
    }

    @Override
    public int hashCode() {
        return belowPercent.stripTrailingZeros().hashCode() * 31 + creditPercent.stripTrailingZeros().hashCode();
    }
}
