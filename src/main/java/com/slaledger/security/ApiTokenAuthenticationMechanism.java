package com.slaledger.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;

/**
 * {@code Authorization: Bearer <API token>}. Without a bearer header it steps aside for HTTP Basic
 * and the login form, and on the webhook endpoints, whose bearer is a source's secret. It runs first, so it also answers the challenge for the API: a plain 401 with
 * {@code WWW-Authenticate} (never the login page's redirect, which an API client cannot follow).
 */
@ApplicationScoped
public class ApiTokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String REALM = "SLA Ledger";
    private static final String BEARER = "bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context);
        // a webhook's bearer is its source's secret, checked by the endpoint itself, not an API token
        if (token == null || WebhookSecrets.WEBHOOK_PATHS.contains(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest request = HttpSecurityUtils.setRoutingContextAttribute(
                new ApiTokenAuthenticationRequest(token), context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/")) {
            return Uni.createFrom().nullItem(); // pages: the login form's redirect
        }
        String challenge = bearerToken(context) != null
                ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\""
                : "Basic realm=\"" + REALM + "\"";
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", challenge));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 500;
    }

    private static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return null;
        }
        return header.substring(BEARER.length()).strip();
    }
}
