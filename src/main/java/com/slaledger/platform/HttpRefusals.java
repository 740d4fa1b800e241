package com.slaledger.platform;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.ForbiddenException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refusals made by the HTTP layer, before any resource runs, answered like every other refusal: a problem
 * JSON (RFC 9457) under {@code /api} and {@code /q}, a short HTML page on every other path. Left to
 * Quarkus they are empty bodies.
 * <ul>
 * <li><b>403</b>: a signed-in caller whom an HTTP role rule ({@code quarkus.http.auth.permission.*})
 * refuses. On pages the layout's own error page answers first ({@code web.RouterFailurePages}); this
 * answers the API.</li>
 * <li><b>413</b>: a body whose {@code Content-Length} is above {@code quarkus.http.limits.max-body-size}.
 * Quarkus checks the same header at route order -2 and answers an empty 413; this check runs just before
 * it (order -{@value #BODY_LIMIT_PRIORITY}, after authentication and the HTTP role rules, as Quarkus' own).
 * A chunked body without {@code Content-Length} that grows past the limit is still cut off by Quarkus
 * while RESTEasy reads it, with its empty 413: the size is only known once the limit is passed, inside
 * RESTEasy's input stream, which answers and closes the connection itself.</li>
 * <li>A failure that only carries a status (a body handler's 413) gets the same words.</li>
 * </ul>
 * A 414 (an address too long) is answered by {@link RequestUriGuard} with {@link #refuse}.
 */
@ApplicationScoped
public class HttpRefusals {

    /** Route order -50: after authentication (-200) and authorization (-100), before Quarkus' limit (-2). */
    static final int BODY_LIMIT_PRIORITY = 50;

    private final Optional<MemorySize> maxBodySize;

    public HttpRefusals(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    void registerBodyLimit(@Observes Filters filters) {
        maxBodySize.ifPresent(limit -> filters.register(context -> checkBodySize(context, limit.asLongValue()),
                BODY_LIMIT_PRIORITY));
    }

    void registerFailureHandler(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).failureHandler(this::handleFailure);
    }

    private void checkBodySize(RoutingContext context, long maxBytes) {
        if (declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH)) <= maxBytes) {
            context.next();
            return;
        }
        refuseTooLarge(context);
    }

    /** The 413, with the declared and the accepted size where both are known; the connection is closed after. */
    private void refuseTooLarge(RoutingContext context) {
        long declared = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        long maxBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        String detail = declared > maxBytes
                ? "The body has " + declared + " bytes; the service accepts at most " + maxBytes + " bytes in one request"
                : "The body is larger than the service accepts in one request";
        // the body is not read: the connection cannot carry another request after this answer
        context.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close());
        refuse(context, 413, "Content too large", detail);
    }

    /** The declared body length in bytes; -1 without a (readable) {@code Content-Length}. */
    static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            // the HTTP codec refuses such a request itself; nothing to add here
            return -1;
        }
    }

    void handleFailure(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        if (context.failure() instanceof ForbiddenException && isProblemPath(context.normalizedPath())) {
            refuse(context, 403, "Forbidden", ProblemMappers.FORBIDDEN);
        } else if (context.failure() == null && context.statusCode() == 413) {
            refuseTooLarge(context);
        } else {
            context.next();
        }
    }

    /** Whether refusals on this path are problem JSON (the API and Quarkus' tools), not pages. */
    public static boolean isProblemPath(String path) {
        return path == null || path.equals("/api") || path.startsWith("/api/") || path.equals("/q")
                || path.startsWith("/q/");
    }

    /**
     * Ends the response with {@code status}: a problem JSON ({@code type}, {@code title}, {@code status},
     * {@code detail}, {@code instance} when at most 200 characters; no field is at fault) on a
     * {@linkplain #isProblemPath problem path}, otherwise a page with the title and the detail. Both are
     * {@code no-store}. {@code title} and {@code detail} are the service's own words, never the caller's input:
     * the page does not escape them.
     */
    public static void refuse(RoutingContext context, int status, String title, String detail) {
        String path = context.normalizedPath();
        context.response().setStatusCode(status).putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (isProblemPath(path)) {
            JsonObject problem = new JsonObject().put("type", "about:blank").put("title", title)
                    .put("status", status).put("detail", detail);
            if (path != null && path.length() <= 200) {
                problem.put("instance", path);
            }
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(problem.encode());
        } else {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8").end(page(title, detail));
        }
    }

    /** A page in the site's style sheet, without the layout (which needs the signed-in person). */
    static String page(String title, String detail) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                + " content=\"width=device-width, initial-scale=1\"><title>" + title + " · SLA Ledger</title>"
                + "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main><section class=\"error-page\">"
                + "<h1>" + title + "</h1><p id=\"error-detail\">" + detail + "</p>"
                + "<p class=\"error-links\">Where to go: <a href=\"/\">Dashboard</a></p></section></main></body></html>";
    }
}
