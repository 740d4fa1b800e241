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
 * Answers 429 with Retry-After, before any password is checked, to HTTP Basic requests for a
 * username that is throttled from this address. (The login form is refused by the identity
 * provider instead and lands on its error page.)
 */
@ApplicationScoped
public class LoginThrottleFilter {

    private final LoginThrottle throttle;

    public LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, SecurityHandlerPriorities.AUTHENTICATION + 10);
    }

    private void check(RoutingContext context) {
        String username = basicUsername(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (username != null) {
            Duration locked = throttle.lockedFor(username, ClientAddress.of(context)).orElse(null);
            if (locked != null) {
                long seconds = Math.max(1, locked.toSeconds() + (locked.toNanosPart() > 0 ? 1 : 0));
                context.response().setStatusCode(429)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .putHeader("Retry-After", String.valueOf(seconds))
                        .end("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                                + "\"detail\":\"Too many failed sign-ins; try again in " + seconds + " seconds\"}");
                return;
            }
        }
        context.next();
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
