package com.slaledger.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers {@code 400} (problem JSON) at once to a request whose path holds a {@code ;} (a matrix
 * parameter, RFC 3986 section 3.3), before anything else reads it. No resource takes matrix parameters,
 * and such a path used to hang: the form login remembers the requested address in a cookie, a cookie
 * value may not hold {@code ;} (RFC 6265 section 4.1.1), and the response failed while being written,
 * holding the socket open and logging a stack trace. Runs ahead of authentication, so it answers the
 * same to everybody.
 */
@ApplicationScoped
public class MatrixParameterGuard {

    /** Above the security handlers (authentication, then authorization), which run at lower priorities. */
    private static final int PRIORITY = 10_000;
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"A path may not contain ';'\"}";

    void register(@Observes Filters filters) {
        filters.register(MatrixParameterGuard::check, PRIORITY);
    }

    static void check(RoutingContext context) {
        String path = context.request().path();
        if (path != null && (path.indexOf(';') >= 0 || path.toLowerCase(java.util.Locale.ROOT).contains("%3b"))) {
            context.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(PROBLEM);
            return;
        }
        context.next();
    }
}
