package com.slaledger.contract;

/**
 * Whether a breached month's credit is due by itself or only when the client claims it in time
 * (docs/credit-claims.md). Many SLAs pay only on a claim: Atlassian within 15 days of the month's end,
 * AWS by the end of the second billing cycle after the incident.
 */
public enum ClaimRule {
    /** The credit is due without a claim. */
    AUTOMATIC,
    /**
     * The client must claim within the contract's {@code claimWindowDays} (1 to 366) after the month's end: the
     * deadline is midnight at the start of the day {@code claimWindowDays} after the first day of the next
     * month, in the client's zone, exclusive.
     */
    CLAIM_WITHIN_DAYS
}
