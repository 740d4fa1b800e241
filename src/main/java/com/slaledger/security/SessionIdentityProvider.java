package com.slaledger.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the user behind a login-form session cookie, only while the browser's server-side session
 * ({@link UserSessions#COOKIE}) is open, and reads the roles afresh on every request: sign-out, a
 * password change, a role change, disabling or deleting the user end the session at once instead of
 * when the cookie expires.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UserService users;
    private final UserSessions sessions;

    public SessionIdentityProvider(UserService users, UserSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    /** Ahead of quarkus-security-jpa's generated provider, which has the default priority (1001). */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        Cookie session = http == null ? null : http.request().getCookie(UserSessions.COOKIE);
        String username = request.getPrincipal();
        return context.runBlocking(() -> {
            if (session == null || !sessions.isOpen(username, session.getValue())) {
                throw new AuthenticationFailedException();
            }
            return users.trusted(username).orElseThrow(AuthenticationFailedException::new);
        });
    }
}
