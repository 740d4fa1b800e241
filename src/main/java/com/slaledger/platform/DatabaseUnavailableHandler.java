package com.slaledger.platform;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The database outage rule of {@link ProblemMappers#databaseUnreachable} for failures that happen before a
 * resource runs: signing in (the password check, the sign-in limits and the session rows all read
 * PostgreSQL) fails in the HTTP layer, where the REST exception mappers do not apply. Answers 503 with
 * {@code Retry-After} (RFC 9110 section 15.6.4): a problem JSON under {@code /api}, a short page elsewhere
 * ({@link HttpRefusals#refuse}). Any other failure goes on to the next handler.
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
        context.response().putHeader("Retry-After", String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS));
        HttpRefusals.refuse(context, 503, "Service Unavailable", ProblemMappers.DATABASE_UNREACHABLE);
    }
}
