package com.slaledger.platform;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The database outage rule of {@link ProblemMappers#databaseUnreachable} for failures that happen before a
 * resource runs: signing in (the password check, the sign-in limits and the session rows all read
 * PostgreSQL) fails in the HTTP layer, where the REST exception mappers do not apply. Answers 503 with
 * {@code Retry-After} (RFC 9110 section 15.6.4): a problem JSON under {@code /api}, a short page elsewhere.
 * Any other failure goes on to the next handler.
 */
@ApplicationScoped
public class DatabaseUnavailableHandler {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        if (!ProblemMappers.isConnectionFailure(context.failure()) || context.response().ended()
                || context.response().headWritten()) {
            context.next();
            return;
        }
        String detail = "The database cannot be reached; retry in " + ProblemMappers.RETRY_AFTER_SECONDS + " seconds";
        String path = context.normalizedPath();
        context.response().setStatusCode(503)
                .putHeader("Retry-After", String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS))
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (path.equals("/api") || path.startsWith("/api/")) {
            JsonObject problem = new JsonObject().put("type", "about:blank").put("title", "Service Unavailable")
                    .put("status", 503).put("detail", detail).put("violations", new JsonArray());
            if (path.length() <= 200) {
                problem.put("instance", path);
            }
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(problem.encode());
        } else {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .end("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Service unavailable"
                            + "</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main>"
                            + "<h1>Service unavailable</h1><p>" + detail + ".</p></main></body></html>");
        }
    }
}
