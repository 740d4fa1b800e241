package com.slaledger.credit;

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

    public record BulkApprove(@NotEmpty @Size(max = MAX_BULK) List<@NotNull Long> ids) {
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
