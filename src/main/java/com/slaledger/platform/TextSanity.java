package com.slaledger.platform;

import com.slaledger.platform.Problem.FieldViolation;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * PostgreSQL text cannot hold the NUL character: a key, filter or field containing one would reach
 * the database and fail there as a 500. Such a request is the caller's mistake (or an attack), so it
 * is refused with a 400: in the path or query by this filter before it goes anywhere; in a body by the
 * database's own refusal (SQLSTATE 22021) mapped below. A JSON body's strings holding one are noted with
 * their paths while the body is read ({@link JsonSettings}), so that refusal names each such field
 * ({@code title}, {@code timeline[0].text}); a field with a rule of its own (one line without control
 * characters, a text document) answers with that rule first. Other bodies (a CSV import, a form) check
 * their text themselves.
 */
public class TextSanity {

    /** What a field holding the NUL character is told. */
    static final String NUL_MESSAGE = "must not contain the NUL character (\\u0000)";
    private static final String NOTED = "sla-ledger.nul-fields";
    private static final int MAX_NOTED = ProblemMappers.MAX_VIOLATIONS;
    /** SQLSTATE character_not_in_repertoire: what PostgreSQL answers to a NUL in text. */
    private static final String NOT_IN_REPERTOIRE = "22021";

    @ServerRequestFilter(preMatching = true)
    public Response refuseNulInPathOrQuery(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        boolean nul = uri.getPath().indexOf('\0') >= 0 || uri.getQueryParameters().entrySet().stream()
                .anyMatch(parameter -> parameter.getKey().indexOf('\0') >= 0
                        || parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0));
        return nul ? refusal("The address must not contain NUL characters", List.of()) : null;
    }

    /** SQLSTATE 22021 (character not in repertoire): a NUL in a body's text. Other data errors stay 500s. */
    @ServerExceptionMapper
    public Response nulInText(org.hibernate.exception.DataException e) {
        return nulRefusal(e).orElseThrow(() -> e);
    }

    /**
     * The 400 for a failure that is PostgreSQL refusing a NUL in text (SQLSTATE 22021 anywhere in the
     * causes), naming the fields of the request body noted to hold one; empty for any other failure.
     */
    static Optional<Response> nulRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
                List<FieldViolation> fields = notedFields().stream()
                        .map(field -> new FieldViolation(field, NUL_MESSAGE)).toList();
                String detail = fields.isEmpty() ? "Text must not contain NUL characters"
                        : fields.size() == 1 ? "Field '" + fields.get(0).field() + "' " + NUL_MESSAGE
                        : fields.size() + " fields contain the NUL character (\\u0000)";
                return Optional.of(refusal(detail, fields));
            }
        }
        return Optional.empty();
    }

    /**
     * Notes that the string read at {@code path} of the request body holds the NUL character. Kept on the
     * request (at most {@value ProblemMappers#MAX_VIOLATIONS} paths, the first of each); outside a request
     * (reading JSON that is not a request) nothing is noted.
     */
    static void noteNul(String path) {
        RoutingContext request = currentRequest();
        if (request == null || path.isEmpty()) {
            return;
        }
        List<String> noted = request.get(NOTED);
        if (noted == null) {
            noted = new ArrayList<>();
            request.put(NOTED, noted);
        }
        if (noted.size() < MAX_NOTED && !noted.contains(path)) {
            noted.add(path);
        }
    }

    private static List<String> notedFields() {
        RoutingContext request = currentRequest();
        List<String> noted = request == null ? null : request.get(NOTED);
        return noted == null ? List.of() : List.copyOf(noted);
    }

    private static RoutingContext currentRequest() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        return container.instance(CurrentVertxRequest.class).get().getCurrent();
    }

    private static Response refusal(String detail, List<FieldViolation> violations) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Invalid request", 400, detail, null, violations)).build();
    }
}
