package com.slaledger.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a username and password from HTTP Basic or the login form. Runs before the provider that
 * quarkus-security-jpa generates for {@link UserAccount} (higher priority) and always answers, so that
 * one is never asked: this one adds the throttle, the disabled flag and equal timing for unknown users.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final UserService users;
    private final LoginThrottle throttle;

    public PasswordIdentityProvider(UserService users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Ahead of quarkus-security-jpa's generated provider, which has the default priority (1001). */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String address = ClientAddress.of(request);
        if (throttle.lockedFor(username, address).isPresent()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Too many failed sign-ins"));
        }
        char[] password = request.getPassword().getPassword();
        return context.runBlocking(() -> {
            SecurityIdentity identity = users.verify(username, password).orElse(null);
            if (identity == null) {
                throttle.recordFailure(username, address);
                throw new AuthenticationFailedException();
            }
            throttle.recordSuccess(username, address);
            return identity;
        });
    }
}
