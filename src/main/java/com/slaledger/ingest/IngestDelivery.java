package com.slaledger.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One webhook delivery as it was received (source, headers that matter, raw body) and what became of it. */
@Entity
@Table(name = "ingest_delivery")
public class IngestDelivery extends PanacheEntityBase {

    /** What a delivery did: its incidents were saved, it is waiting for a mapping, it was unreadable, or it was not about incidents. */
    public enum Outcome {
        APPLIED, UNMAPPED, REJECTED, IGNORED
    }

    @Id
    @SequenceGenerator(name = "ingest_delivery_seq", sequenceName = "ingest_delivery_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ingest_delivery_seq")
    public Long id;

    @Column(nullable = false, length = 32)
    public String source;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> headers = new LinkedHashMap<>();

    @Column(nullable = false)
    public byte[] body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Outcome outcome;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> warnings = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "incident_ids", nullable = false)
    public List<Long> incidentIds = new ArrayList<>();

    @Column(name = "replay_count", nullable = false)
    public int replayCount;

    @Column(name = "last_replayed_at")
    public Instant lastReplayedAt;
}
