package com.slaledger.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a username and password from HTTP Basic or the login form. Runs before the provider that
 * quarkus-security-jpa generates for {@link UserAccount} (higher priority) and always answers, so that
 * one is never asked: this one adds the throttle ({@link LoginThrottle}, with the known-device cookie of
 * {@link KnownDevices}), the disabled flag and equal timing for unknown users. A successful form
 * sign-in also opens a server-side session ({@link UserSessions}) and renews the device cookie.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final UserService users;
    private final LoginThrottle throttle;
    private final KnownDevices devices;
    private final UserSessions sessions;
    private final String postLocation;

    public PasswordIdentityProvider(UserService users, LoginThrottle throttle, KnownDevices devices,
            UserSessions sessions,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
            String postLocation) {
        this.users = users;
        this.throttle = throttle;
        this.devices = devices;
        this.sessions = sessions;
        this.postLocation = postLocation;
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
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        char[] password = request.getPassword().getPassword();
        return context.runBlocking(() -> {
            LoginThrottle.Attempt attempt = attempt(http, username, devices);
            boolean checkedByFilter = http != null && username.equals(http.get(LoginThrottleFilter.CHECKED_USERNAME));
            if (!checkedByFilter && throttle.lockedFor(attempt).isPresent()) {
                throw new AuthenticationFailedException("Too many failed sign-ins");
            }
            SecurityIdentity identity = users.verify(username, password).orElse(null);
            if (identity == null) {
                throttle.recordFailure(attempt);
                throw new AuthenticationFailedException();
            }
            throttle.recordSuccess(attempt);
            if (isFormSignIn(http)) {
                String name = identity.getPrincipal().getName();
                http.response().addCookie(UserSessions.cookie(http, sessions.open(name)));
                http.response().addCookie(devices.issue(http, name));
            }
            return identity;
        });
    }

    /** The attempt as the throttle sees it: username, client address and the verified known-device id. */
    static LoginThrottle.Attempt attempt(RoutingContext http, String username, KnownDevices devices) {
        Cookie device = http == null ? null : http.request().getCookie(KnownDevices.COOKIE);
        String deviceId = device == null ? null : devices.verify(device.getValue(), username).orElse(null);
        return new LoginThrottle.Attempt(username, ClientAddress.of(http), deviceId);
    }

    private boolean isFormSignIn(RoutingContext http) {
        return http != null && http.request().method() == HttpMethod.POST
                && http.normalizedPath().equals(postLocation);
    }
}
