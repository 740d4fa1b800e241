package com.slaledger.security;

import com.slaledger.platform.TrackedEntity;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/**
 * A person (or a machine account) who signs in. Mapped for quarkus-security-jpa; sign-in itself goes
 * through {@link PasswordIdentityProvider}, which adds throttling, the disabled flag and equal timing
 * for unknown users on top of the same bcrypt check.
 */
@Entity
@Table(name = "app_user")
@UserDefinition
public class UserAccount extends TrackedEntity {

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    public Long id;

    @Username
    @Column(nullable = false, length = 100)
    public String username;

    @Password(PasswordType.MCF)
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Column(nullable = false)
    public boolean enabled = true;

    @io.quarkus.security.jpa.Roles
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 32)
    public Set<String> roles = new HashSet<>();
}
