package com.slaledger.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** Something that can fail: {@code api}, {@code checkout}, {@code db}. */
@Entity
@Table(name = "service")
public class Service extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "service_seq", sequenceName = "service_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_seq")
    public Long id;

    @Column(nullable = false, length = 64)
    public String key;

    @Column(nullable = false, length = 200)
    public String name;

    public String description;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
