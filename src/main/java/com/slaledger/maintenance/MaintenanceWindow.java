package com.slaledger.maintenance;

import com.slaledger.platform.TrackedEntity;
import com.slaledger.client.Client;
import com.slaledger.service.Service;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.util.HashSet;
import java.util.Set;

/**
 * Planned work during {@code [startsAt, endsAt)}, or, with a {@link #recurrence}, repeating from that first
 * occurrence (RFC 5545 RRULE, see {@link MaintenanceRecurrence}).
 */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindow extends TrackedEntity {

    @Id
    @SequenceGenerator(name = "maintenance_window_seq", sequenceName = "maintenance_window_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "maintenance_window_seq")
    public Long id;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public MaintenanceScope scope;

    @ManyToMany
    @JoinTable(name = "maintenance_window_client",
            joinColumns = @JoinColumn(name = "maintenance_window_id"),
            inverseJoinColumns = @JoinColumn(name = "client_id"))
    public Set<Client> clients = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "maintenance_window_service",
            joinColumns = @JoinColumn(name = "maintenance_window_id"),
            inverseJoinColumns = @JoinColumn(name = "service_id"))
    public Set<Service> services = new HashSet<>();

    /** Only announced windows are excluded from measured time; unannounced work counts as downtime. */
    @Column(nullable = false)
    public boolean announced = true;

    /** The RFC 5545 RRULE value the window repeats by, null for a one-off window (see {@link MaintenanceRecurrence}). */
    @Column(length = 300)
    public String recurrence;

    /** The IANA zone of a recurring window's local start (DTSTART); null for a one-off window. */
    @Column(name = "time_zone", length = 64)
    public String timeZone;

    /** Local dates whose occurrence is left out (EXDATE-like), ascending; empty for a one-off window. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "exception_dates", nullable = false)
    public LocalDate[] exceptionDates = new LocalDate[0];

    /** An instant by which every occurrence has ended: {@code endsAt} for a one-off window, null for an endless rule. */
    @Column(name = "series_ends_at")
    public Instant seriesEndsAt;

    /** The same window as another, whatever their ids: what a retried create would record again. */
    public boolean sameWindowAs(MaintenanceWindow other) {
        return title.equals(other.title) && startsAt.equals(other.startsAt) && endsAt.equals(other.endsAt)
                && scope == other.scope && announced == other.announced
                && java.util.Objects.equals(recurrence, other.recurrence)
                && java.util.Objects.equals(timeZone, other.timeZone)
                && java.util.Arrays.equals(exceptionDates, other.exceptionDates)
                && keys(clients.stream().map(client -> client.key)).equals(keys(other.clients.stream().map(c -> c.key)))
                && keys(services.stream().map(service -> service.key))
                        .equals(keys(other.services.stream().map(s -> s.key)));
    }

    private static java.util.Set<String> keys(java.util.stream.Stream<String> keys) {
        return keys.collect(java.util.stream.Collectors.toSet());
    }
}
