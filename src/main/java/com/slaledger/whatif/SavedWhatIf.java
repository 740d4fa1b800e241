package com.slaledger.whatif;

import com.slaledger.client.Client;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A named what-if of one client: the proposal and the months, never the figures (they are worked out on opening). */
@Entity
@Table(name = "what_if")
public class SavedWhatIf extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "what_if_seq", sequenceName = "what_if_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "what_if_seq")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id", nullable = false)
    public Client client;

    @Column(nullable = false, length = 100)
    public String name;

    /** The first month, as its first day. */
    @Column(name = "from_month", nullable = false)
    public LocalDate fromMonth;

    /** The last month (included), as its first day. */
    @Column(name = "to_month", nullable = false)
    public LocalDate toMonth;

    /** The proposal as JSON, in the shape the API takes it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String proposal;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
