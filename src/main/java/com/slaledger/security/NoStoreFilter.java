package com.slaledger.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Cache-Control: no-store} on every answer that is not a static asset, unless the answer set its
 * own: signed-in pages and API answers hold clients' figures, which must not stay in a shared browser's
 * cache or a proxy's after sign-out (OWASP Session Management Cheat Sheet, "Web Content Caching";
 * RFC 9111 section 5.2.2.5). Stylesheets, scripts and Swagger UI's files may be cached.
 */
@ApplicationScoped
public class NoStoreFilter {

    void register(@Observes Filters filters) {
        filters.register(NoStoreFilter::mark, 9_000);
    }

    static void mark(RoutingContext context) {
        if (!isStaticAsset(context.normalizedPath())) {
            context.addHeadersEndHandler(ignored -> {
                if (!context.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                    context.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
        }
        context.next();
    }

    static boolean isStaticAsset(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/q/swagger-ui/")
                || path.equals("/favicon.ico");
    }
}
