package com.slaledger.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * A credit as the API shows it. Money is a string in the currency's minor unit ({@code "1200.00"},
 * {@code "5000"} JPY); {@code availabilityPercent} the exact measured value as a string; {@code downtimeSeconds}
 * the exact downtime behind it (null for a credit made before it was kept); {@code creditPercent} the percent of
 * the monthly fee the amount is (tier capped). These are the figures the amount was credited with: while a review
 * is pending they stay, and {@code review} carries the month as re-measured. {@code claimDeadline} is exclusive
 * and null when the contract needs no claim. {@code review} is present while or after the figures changed under
 * an issued (or otherwise settled) credit.
 */
public record CreditResponse(long id, String clientKey, String clientName, String clientTimeZone, String month, long contractId,
        String currency, String amount, BigDecimal creditPercent, String availabilityPercent,
        BigDecimal downtimeSeconds, CreditState state,
        Instant claimDeadline, Instant claimedAt, String claimReference, String rejectionReason,
        String creditNoteNumber, LocalDate issuedOn, Review review, Instant createdAt, Instant updatedAt,
        long version) {

    /**
     * The figures changed after the credit was settled: {@code previous…} are the figures the credit had when
     * flagged (its amount, availability, downtime and credit percent), {@code recomputed…} what the month
     * measures at {@code flaggedAt}, the sync that last changed them. Figures are null where they were not kept
     * (reviews from before they were). {@code flagged} false once finance resolved it, with its {@code note}.
     */
    public record Review(boolean flagged, String previousAmount, String recomputedAmount, Instant flaggedAt,
            String note, String previousAvailabilityPercent, BigDecimal previousDowntimeSeconds,
            BigDecimal previousCreditPercent, String recomputedAvailabilityPercent,
            BigDecimal recomputedDowntimeSeconds, BigDecimal recomputedCreditPercent) {
    }

    static CreditResponse of(Credit credit) {
        Review review = credit.reviewPreviousAmount == null ? null : new Review(credit.reviewFlagged,
                money(credit.reviewPreviousAmount, credit.currency), money(credit.reviewRecomputedAmount,
                credit.currency), credit.reviewFlaggedAt, credit.reviewNote,
                exact(credit.reviewPreviousAvailabilityPercent), plain(credit.reviewPreviousDowntimeSeconds),
                plain(credit.reviewPreviousCreditPercent), exact(credit.reviewRecomputedAvailabilityPercent),
                plain(credit.reviewRecomputedDowntimeSeconds), plain(credit.reviewRecomputedCreditPercent));
        return new CreditResponse(credit.id, credit.client.key, credit.client.name, credit.client.timeZone, credit.month, credit.contractId,
                credit.currency, money(credit.amount, credit.currency), plain(credit.creditPercent),
                credit.availabilityPercent.toPlainString(), plain(credit.downtimeSeconds), credit.state,
                credit.claimDeadline, credit.claimedAt, credit.claimReference, credit.rejectionReason,
                credit.creditNoteNumber, credit.issuedOn, review, credit.createdAt, credit.updatedAt, credit.version);
    }

    /** An amount stored to four places, written to the currency's minor unit (already rounded there). */
    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(digits, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String exact(BigDecimal percent) {
        return percent == null ? null : percent.toPlainString();
    }

    /** Without trailing zeros, never in exponent form ({@code 10}, {@code 3600.5}); null stays null. */
    private static BigDecimal plain(BigDecimal percent) {
        if (percent == null) {
            return null;
        }
        BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
