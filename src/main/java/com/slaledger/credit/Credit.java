package com.slaledger.credit;

import com.slaledger.client.Client;
import com.slaledger.platform.TrackedEntity;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The credit of one breached, closed client-month and where it stands. One per client and month: a month never
 * mixes two contract versions, so it has one currency. The figures are those of the last sync; once issued, the
 * amount never changes and a changed month sets the review flag instead, keeping the figures as credited
 * ({@code reviewPrevious…}) beside the month as re-measured ({@code reviewRecomputed…}).
 */
@Entity
@Table(name = "credit")
public class Credit extends TrackedEntity {

    @Id
    @SequenceGenerator(name = "credit_seq", sequenceName = "credit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credit_seq")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id", nullable = false, updatable = false)
    public Client client;

    /** {@code YYYY-MM}, the calendar month of the client's zone. */
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 7, updatable = false)
    public String month;

    /** The contract version in force that month, whose claim rule and fee made the credit. */
    @Column(name = "contract_id", nullable = false)
    public long contractId;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(name = "credit_percent", nullable = false, precision = 9, scale = 6)
    public BigDecimal creditPercent;

    @Column(name = "availability_percent", nullable = false)
    public BigDecimal availabilityPercent;

    /** Exact seconds of downtime the availability comes from; null for credits made before it was kept. */
    @Column(name = "downtime_seconds")
    public BigDecimal downtimeSeconds;

    @Convert(converter = StateColumn.class)
    @Column(nullable = false, length = 16)
    public CreditState state;

    /** Exclusive; null when the contract needs no claim. */
    @Column(name = "claim_deadline")
    public Instant claimDeadline;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "claim_reference", length = 200)
    public String claimReference;

    @Column(name = "rejection_reason", length = 2000)
    public String rejectionReason;

    @Column(name = "credit_note_number", length = 64)
    public String creditNoteNumber;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "review_flagged", nullable = false)
    public boolean reviewFlagged;

    @Column(name = "review_previous_amount", precision = 19, scale = 4)
    public BigDecimal reviewPreviousAmount;

    @Column(name = "review_recomputed_amount", precision = 19, scale = 4)
    public BigDecimal reviewRecomputedAmount;

    @Column(name = "review_previous_availability_percent")
    public BigDecimal reviewPreviousAvailabilityPercent;

    @Column(name = "review_previous_downtime_seconds")
    public BigDecimal reviewPreviousDowntimeSeconds;

    @Column(name = "review_previous_credit_percent", precision = 9, scale = 6)
    public BigDecimal reviewPreviousCreditPercent;

    @Column(name = "review_recomputed_availability_percent")
    public BigDecimal reviewRecomputedAvailabilityPercent;

    @Column(name = "review_recomputed_downtime_seconds")
    public BigDecimal reviewRecomputedDowntimeSeconds;

    @Column(name = "review_recomputed_credit_percent", precision = 9, scale = 6)
    public BigDecimal reviewRecomputedCreditPercent;

    @Column(name = "review_flagged_at")
    public Instant reviewFlaggedAt;

    @Column(name = "review_note", length = 2000)
    public String reviewNote;

    /** The state column holds the lower-case names the API uses. */
    @Converter
    public static class StateColumn implements AttributeConverter<CreditState, String> {

        @Override
        public String convertToDatabaseColumn(CreditState state) {
            return state == null ? null : state.value();
        }

        @Override
        public CreditState convertToEntityAttribute(String value) {
            return value == null ? null : CreditState.parse(value)
                    .orElseThrow(() -> new IllegalStateException("unknown credit state " + value));
        }
    }
}
