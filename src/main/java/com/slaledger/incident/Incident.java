package com.slaledger.incident;

import com.slaledger.platform.TrackedEntity;
import com.slaledger.client.Client;
import com.slaledger.service.Service;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "incident")
public class Incident extends TrackedEntity {

    @Id
    @SequenceGenerator(name = "incident_seq", sequenceName = "incident_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
    public Long id;

    @Column(nullable = false, length = 64)
    public String source;

    @Column(name = "external_id", nullable = false, length = 200)
    public String externalId;

    @Column(nullable = false, length = 300)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 4)
    public Severity severity;

    @Column(name = "impact_percent", nullable = false, precision = 9, scale = 6)
    public BigDecimal impactPercent;

    @Column(nullable = false)
    public boolean excluded;

    @Column(name = "exclusion_reason")
    public String exclusionReason;

    public String summary;

    @Column(name = "root_cause")
    public String rootCause;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "detected_at")
    public Instant detectedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "mitigated_at")
    public Instant mitigatedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @ManyToMany
    @JoinTable(name = "incident_service", joinColumns = @JoinColumn(name = "incident_id"),
            inverseJoinColumns = @JoinColumn(name = "service_id"))
    public Set<Service> services = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "incident_client", joinColumns = @JoinColumn(name = "incident_id"),
            inverseJoinColumns = @JoinColumn(name = "client_id"))
    public Set<Client> clients = new HashSet<>();

    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<TimelineEntry> timeline = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "incident_preventive_action", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    @Column(name = "text", nullable = false)
    public List<String> preventiveActions = new ArrayList<>();

    /** Customer impact ends at mitigation, else at resolution; null while the incident is ongoing. */
    public Instant impactEndedAt() {
        return mitigatedAt != null ? mitigatedAt : resolvedAt;
    }

    public IncidentStatus status() {
        return IncidentStatus.of(acknowledgedAt, mitigatedAt, resolvedAt);
    }
}
