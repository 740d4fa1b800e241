package com.slaledger.contract;

import com.slaledger.platform.TrackedEntity;
import com.slaledger.client.Client;
import com.slaledger.service.Service;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a client's SLA, in force on the days {@code [effectiveFrom, effectiveTo)} of the client's zone. */
@Entity
@Table(name = "contract")
public class Contract extends TrackedEntity {

    @Id
    @SequenceGenerator(name = "contract_seq", sequenceName = "contract_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contract_seq")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id", nullable = false, updatable = false)
    public Client client;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    /** Exclusive; null while the version is open-ended. */
    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @ManyToMany
    @JoinTable(name = "contract_service",
            joinColumns = @JoinColumn(name = "contract_id"),
            inverseJoinColumns = @JoinColumn(name = "service_id"))
    public Set<Service> services = new HashSet<>();

    @Column(name = "target_percent", nullable = false, precision = 9, scale = 6)
    public BigDecimal targetPercent;

    @ElementCollection
    @CollectionTable(name = "credit_tier", joinColumns = @JoinColumn(name = "contract_id"))
    public Set<CreditTier> creditTiers = new HashSet<>();

    @Column(name = "monthly_fee", nullable = false, precision = 19, scale = 4)
    public BigDecimal monthlyFee;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "credit_cap_percent", nullable = false, precision = 9, scale = 6)
    public BigDecimal creditCapPercent;

    @Enumerated(EnumType.STRING)
    @Column(name = "impact_model", nullable = false, length = 16)
    public ImpactModel impactModel = ImpactModel.PROPORTIONAL;

    @Column(name = "impact_threshold_percent", precision = 9, scale = 6)
    public BigDecimal impactThresholdPercent;

    @Column(name = "minimum_outage_seconds", nullable = false)
    public int minimumOutageSeconds;

    @Enumerated(EnumType.STRING)
    @Column(name = "claim_rule", nullable = false, length = 24)
    public ClaimRule claimRule = ClaimRule.AUTOMATIC;

    /** Days after the month's end a claim may come in; only with {@link ClaimRule#CLAIM_WITHIN_DAYS}. */
    @Column(name = "claim_window_days")
    public Integer claimWindowDays;

    /** The service calendar whose hours alone are measured (docs/service-hours.md); null: every hour counts. */
    @Column(name = "service_calendar_key", length = 64)
    public String serviceCalendarKey;

    /** Whether this version shares at least one day with {@code [from, toExclusive)}; a null end is open. */
    public boolean overlaps(LocalDate from, LocalDate toExclusive) {
        return (toExclusive == null || effectiveFrom.isBefore(toExclusive))
                && (effectiveTo == null || effectiveTo.isAfter(from));
    }
}
