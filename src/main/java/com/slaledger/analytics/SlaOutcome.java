package com.slaledger.analytics;

import java.math.BigDecimal;

/**
 * Whether a month breached the SLA and what the client is owed.
 *
 * @param tierCreditPercent the largest tier credit earned, before the cap
 * @param creditPercent     what is paid: {@code min(tierCreditPercent, capPercent)}
 * @param credit            {@code creditPercent} of the monthly fee, at the currency's minor unit
 * @param provisional       the month is not over: breach and credit may still change
 */
public record SlaOutcome(BigDecimal availabilityPercent, BigDecimal targetPercent, boolean breached,
                         BigDecimal tierCreditPercent, BigDecimal creditPercent, Money credit,
                         boolean provisional) {
}
