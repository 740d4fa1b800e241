package com.slaledger.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Answers 429 with Retry-After, before any password is checked, to HTTP Basic requests whose attempt
 * {@link LoginThrottle} refuses (the account, the address or the known device is locked). The counters
 * live in PostgreSQL, so the check runs on a worker thread. (The login form is refused by the identity
 * provider instead and lands on its error page.)
 */
@ApplicationScoped
public class LoginThrottleFilter {

    /** Routing-context key: the username whose attempt this filter found not locked. */
    static final String CHECKED_USERNAME = LoginThrottleFilter.class.getName() + ".checked";

    private final LoginThrottle throttle;
    private final KnownDevices devices;

    public LoginThrottleFilter(LoginThrottle throttle, KnownDevices devices) {
        this.throttle = throttle;
        this.devices = devices;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, SecurityHandlerPriorities.AUTHENTICATION + 10);
    }

    private void check(RoutingContext context) {
        String username = basicUsername(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (username == null) {
            context.next();
            return;
        }
        // Quarkus holds the request paused until a handler reads the body, so none of it is lost meanwhile.
        context.vertx().<Duration>executeBlocking(() ->
                throttle.lockedFor(PasswordIdentityProvider.attempt(context, username, devices)).orElse(null), false)
                .onComplete(result -> {
                    if (result.failed()) {
                        context.fail(result.cause());
                    } else if (result.result() == null) {
                        // the identity provider need not ask again for this request
                        context.put(CHECKED_USERNAME, username);
                        context.next();
                    } else {
                        long seconds = SignInThrottledException.retryAfterSeconds(result.result());
                        context.response().setStatusCode(429)
                                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                                .putHeader("Retry-After", String.valueOf(seconds))
                                .end("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                                        + "\"detail\":\"Too many failed sign-ins; try again in " + seconds
                                        + " seconds\"}");
                    }
                });
    }

    static String basicUsername(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
