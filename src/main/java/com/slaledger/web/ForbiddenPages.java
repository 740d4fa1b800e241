package com.slaledger.web;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.ForbiddenException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The HTTP role rules ({@code quarkus.http.auth.permission.*}) refuse a signed-in person before any
 * resource runs, and Quarkus then answers an empty 403 that the browser shows as its own error page.
 * This failure handler answers a refusal on a page path with the layout's error page instead (the API
 * keeps the bare 403). Quarkus documents failure handlers on the router as the place to customise
 * responses to security failures raised by the HTTP layer ("Security Tips and Tricks").
 */
@ApplicationScoped
public class ForbiddenPages {

    private static final Logger LOG = Logger.getLogger(ForbiddenPages.class);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        if (!(context.failure() instanceof ForbiddenException) || context.response().ended()
                || context.response().headWritten() || !PageErrors.isPagePath(context.normalizedPath())) {
            context.next();
            return;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(context);
            String html = PageErrors.Templates.error(403, PageErrors.pageTitle(403, "Forbidden"),
                    PageErrors.FORBIDDEN_DETAIL, java.util.List.of()).render();
            context.response().setStatusCode(403)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(html);
        } catch (RuntimeException e) {
            LOG.warn("Could not render the 403 page; answering the bare status", e);
            context.next();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}
