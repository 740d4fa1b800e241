package com.slaledger.credit;

import com.slaledger.platform.OptionalBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the credit transitions and of the sync. Text is bounded; lists hold at most 500 items. */
public final class CreditRequests {

    /** Most credits one bulk request may name. */
    public static final int MAX_BULK = 500;
    /**
     * A one-line identifier (a claim reference, a credit note number): no control characters at all. PostgreSQL
     * text cannot hold NUL, and a line break or escape in an identifier only garbles the billing CSV and the pages.
     */
    static final String ONE_LINE = "[^\\p{Cntrl}]*";
    static final String ONE_LINE_MESSAGE = "must be one line without control characters";
    /** Free text (a reason, a note): line breaks and tabs are fine, other control characters (NUL above all) not. */
    static final String FREE_TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String FREE_TEXT_MESSAGE = "must not contain control characters other than line breaks and tabs";
    /**
     * An amount as the API writes it: at most 15 digits before the point and 4 after, the most any currency's minor
     * unit has (CLF) and the precision a credit is stored to.
     */
    static final String AMOUNT = "[0-9]{1,15}(\\.[0-9]{1,4})?";
    static final String AMOUNT_MESSAGE = "must be a decimal amount such as 1200.00: up to 15 digits, a point and up"
            + " to 4 decimals";
    static final String CURRENCY = "[A-Z]{3}";
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";

    private CreditRequests() {
    }

    /**
     * The client's claim: when it arrived (default now; not before the month's end, not in the future, before the
     * deadline) and the client's reference for it (a ticket or e-mail id).
     */
    public record Claim(Instant claimedAt, @NotBlank @Size(max = 200)
            @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String reference) {
    }

    public record Reject(@NotBlank @Size(max = 2000)
            @Pattern(regexp = FREE_TEXT, message = FREE_TEXT_MESSAGE) String reason) {
    }

    /** The credit note: its number (unique across credits) and date (default today in the client's zone). */
    public record Issue(@NotBlank @Size(max = 64)
            @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String creditNoteNumber, LocalDate issuedOn) {
    }

    /**
     * What the approver saw, so that an amount re-measured meanwhile is not approved unseen: {@code expectedAmount}
     * a decimal string ({@code "1200.00"}; compared by value, so {@code "1200"} matches too) and
     * {@code expectedCurrency} an ISO 4217 code. Both optional, and so is the body: without them approving checks
     * nothing, as before.
     */
    public record Approve(@Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) String expectedAmount,
            @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String expectedCurrency) implements OptionalBody {

        /** Approving without an expectation. */
        public static final Approve UNCHECKED = new Approve(null, null);
    }

    /**
     * Credits to approve, all or none. {@code expectedAmounts} and {@code expectedCurrencies}, when given, hold one
     * entry per id at the same index (an entry may be null: nothing to check for that credit), as in
     * {@link Approve}.
     */
    public record BulkApprove(@NotEmpty @Size(max = MAX_BULK) List<@NotNull Long> ids,
            @Size(max = MAX_BULK) List<@Pattern(regexp = AMOUNT, message = AMOUNT_MESSAGE) String> expectedAmounts,
            @Size(max = MAX_BULK) List<@Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String>
                    expectedCurrencies) {
    }

    public record BulkIssueItem(@NotNull Long id, @NotBlank @Size(max = 64)
            @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String creditNoteNumber,
            LocalDate issuedOn) {
    }

    public record BulkIssue(@NotEmpty @Size(max = MAX_BULK) List<@NotNull @Valid BulkIssueItem> credits) {
    }

    /** How finance settled a review flag: what was done about the difference (a supplementary note, nothing...). */
    public record ResolveReview(@NotBlank @Size(max = 2000)
            @Pattern(regexp = FREE_TEXT, message = FREE_TEXT_MESSAGE) String note) {
    }

    /** Measure {@code month} (YYYY-MM) as of {@code asOf} (default now; never in the future). */
    public record Sync(@NotBlank String month, Instant asOf) {
    }
}
