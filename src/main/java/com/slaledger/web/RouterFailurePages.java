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
 * gets a problem JSON from {@link com.slaledger.platform.HttpRefusals}, the next failure handler). Quarkus documents failure handlers on the router as the place to customise
 * responses to security failures raised by the HTTP layer ("Security Tips and Tricks").
 * <p>
 * It also answers a form with more fields than the REST layer's form parser takes ({@value #MAX_FORM_FIELDS}):
 * the parser throws a bare runtime exception that would otherwise be Quarkus' plain-text 500; no page of
 * ours has a tenth as many fields, so it is the sender's mistake, a 413 page.
 */
@ApplicationScoped
public class RouterFailurePages {

    private static final Logger LOG = Logger.getLogger(RouterFailurePages.class);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    /** The form parser's limit of fields per form (RESTEasy Reactive's {@code FormData}, 1,000). */
    static final int MAX_FORM_FIELDS = 1000;
    private static final String FORM_LIMIT_MESSAGE = "Param limit of " + MAX_FORM_FIELDS + " was exceeded";

    void handle(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()
                || !PageErrors.isPagePath(context.normalizedPath())) {
            context.next();
            return;
        }
        if (context.failure() instanceof ForbiddenException) {
            render(context, 403, PageErrors.pageTitle(403, "Forbidden"), PageErrors.FORBIDDEN_DETAIL);
        } else if (tooManyFormFields(context.failure())) {
            render(context, 413, "This form is too large", "A form of this site has far fewer than "
                    + MAX_FORM_FIELDS + " fields; this one had more and was not read. Go back and send the form"
                    + " from its page.");
        } else {
            context.next();
        }
    }

    private static boolean tooManyFormFields(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (FORM_LIMIT_MESSAGE.equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private void render(RoutingContext context, int status, String title, String detail) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            Arc.container().instance(CurrentVertxRequest.class).get().setCurrent(context);
            String html = PageErrors.Templates.error(status, title, detail, java.util.List.of()).render();
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(html);
        } catch (RuntimeException e) {
            LOG.warn("Could not render the " + status + " page; answering the bare status", e);
            context.next();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}
