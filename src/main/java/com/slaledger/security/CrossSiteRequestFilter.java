package com.slaledger.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-site request forgery on the API (OWASP CSRF Prevention Cheat Sheet, "Verifying Origin with
 * standard headers" and "Double Submit Cookie"). A browser attaches the session cookies to any request,
 * even one a foreign page sends; so a state-changing request ({@code POST}, {@code PUT}, {@code PATCH},
 * {@code DELETE}) under {@code /api} that carries a session cookie and no {@code Authorization} header
 * is refused ({@code 403}, problem JSON) unless it proves it comes from our own pages: an {@code Origin}
 * header equal to this service's own origin (scheme, host and port as the request names them), or an
 * {@code X-CSRF-Token} header equal to the page's {@code csrf-token} cookie. A foreign page can set
 * neither. Callers with HTTP Basic or an API token are not affected: no browser adds those on its own.
 * The page forms keep their own CSRF token (quarkus-rest-csrf).
 */
@ApplicationScoped
public class CrossSiteRequestFilter {

    /** The header that carries the CSRF token for API calls made from our own pages' scripts. */
    public static final String TOKEN_HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"A signed-in browser session may change data through the API only from this service's own"
            + " pages (same Origin or the X-CSRF-Token header); scripts sign in with HTTP Basic or an API token\"}";

    private final String sessionCookie;
    private final String csrfCookie;

    public CrossSiteRequestFilter(
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
            String sessionCookie,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String csrfCookie) {
        this.sessionCookie = sessionCookie;
        this.csrfCookie = csrfCookie;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, SecurityHandlerPriorities.AUTHENTICATION + 20);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (SAFE.contains(request.method()) || !isApi(context.normalizedPath())
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || (request.getCookie(sessionCookie) == null && request.getCookie(UserSessions.COOKIE) == null)
                || isOwnOrigin(request) || hasCsrfToken(request)) {
            context.next();
            return;
        }
        context.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(PROBLEM);
    }

    private static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static boolean isOwnOrigin(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null && request.authority() != null
                && origin.equalsIgnoreCase(request.scheme() + "://" + request.authority());
    }

    private boolean hasCsrfToken(HttpServerRequest request) {
        String header = request.getHeader(TOKEN_HEADER);
        Cookie cookie = request.getCookie(csrfCookie);
        return header != null && cookie != null && !header.isEmpty()
                && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                        cookie.getValue().getBytes(StandardCharsets.UTF_8));
    }
}
