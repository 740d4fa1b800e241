package com.slaledger.analytics;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * "Availability below {@code belowPercent} earns {@code creditPercent} of the monthly fee."
 * Half-open: availability exactly equal to {@code belowPercent} does not earn the tier.
 */
public record CreditTier(BigDecimal belowPercent, BigDecimal creditPercent) {

    public CreditTier {
        Objects.requireNonNull(belowPercent, "belowPercent");
        Objects.requireNonNull(creditPercent, "creditPercent");
    }

    public static CreditTier of(String belowPercent, String creditPercent) {
        return new CreditTier(new BigDecimal(belowPercent), new BigDecimal(creditPercent));
    }

    public boolean earnedBy(BigDecimal availabilityPercent) {
        return availabilityPercent.compareTo(belowPercent) < 0;
    }
}
