package com.slaledger.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.jpa.common.runtime.JpaIdentityProviderUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * bcrypt hashing and checking. Checking a password for an unknown user costs as much as for a known
 * one (a check against a throw-away hash of the same cost), so the answer's timing does not tell
 * whether a username exists.
 */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    private final String unknownUserHash;

    public PasswordHasher(@ConfigProperty(name = "sla-ledger.security.bcrypt-cost", defaultValue = "10") int cost) {
        this.cost = cost;
        this.unknownUserHash = BcryptUtil.bcryptHash("no user has this password " + System.nanoTime(), cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** Whether the password matches the stored hash; with a null hash, spends the same time and says no. */
    public boolean matches(String username, char[] password, String storedHash) {
        String hash = storedHash == null ? unknownUserHash : storedHash;
        try {
            JpaIdentityProviderUtil.checkPassword(JpaIdentityProviderUtil.getMcfPassword(hash),
                    new UsernamePasswordAuthenticationRequest(username, new PasswordCredential(password)));
            return storedHash != null;
        } catch (AuthenticationFailedException | IllegalArgumentException e) {
            return false;
        }
    }
}
