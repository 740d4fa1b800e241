package com.slaledger.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Arrays;
import java.util.Optional;

/**
 * Who is asking, for the features that narrow what a caller sees and record who changed what.
 * Outside an HTTP request (start-up, demo data) the caller is the system itself, unrestricted.
 */
@ApplicationScoped
public class AccessScope {

    public static final String SYSTEM = "system";

    private final Instance<SecurityIdentity> identity;

    public AccessScope(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    /** The signed-in username, or {@value #SYSTEM} outside a request. */
    public String actor() {
        SecurityIdentity current = current();
        return current == null || current.isAnonymous() ? SYSTEM : current.getPrincipal().getName();
    }

    /**
     * The account manager whose clients bound what the caller may see, or empty when the caller sees
     * everything: a caller who is an account manager and holds none of the roles that read without
     * that bound (e.g. admin for clients; sre or admin for incidents).
     */
    public Optional<String> accountManagerBound(String... unboundRoles) {
        SecurityIdentity current = current();
        if (current == null || current.isAnonymous() || !current.hasRole(Role.ACCOUNT_MANAGER)
                || Arrays.stream(unboundRoles).anyMatch(current::hasRole)) {
            return Optional.empty();
        }
        return Optional.of(current.getPrincipal().getName());
    }

    private SecurityIdentity current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return identity.get();
    }
}
