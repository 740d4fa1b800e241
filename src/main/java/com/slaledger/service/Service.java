package com.slaledger.service;

import com.slaledger.platform.TrackedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Something that can fail: {@code api}, {@code checkout}, {@code db}. */
@Entity
@Table(name = "service")
public class Service extends TrackedEntity {

    @Id
    @SequenceGenerator(name = "service_seq", sequenceName = "service_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_seq")
    public Long id;

    @Column(nullable = false, length = 64)
    public String key;

    @Column(nullable = false, length = 200)
    public String name;

    public String description;
}
