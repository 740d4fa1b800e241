package com.slaledger.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * PostgreSQL text cannot hold the NUL character: a key, filter or field containing one would reach
 * the database and fail there as a 500. Such a request is the caller's mistake (or an attack), so it
 * is refused with a 400 before it goes anywhere: in the path or query by this filter, in a body by the
 * database's own refusal mapped below.
 */
public class TextSanity {

    @ServerRequestFilter(preMatching = true)
    public Response refuseNulInPathOrQuery(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        boolean nul = uri.getPath().indexOf('\u0000') >= 0 || uri.getQueryParameters().entrySet().stream()
                .anyMatch(parameter -> parameter.getKey().indexOf('\u0000') >= 0
                        || parameter.getValue().stream().anyMatch(value -> value.indexOf('\u0000') >= 0));
        return nul ? refusal("The address must not contain NUL characters") : null;
    }

    /** SQLSTATE 22021 (character not in repertoire): a NUL in a body's text. Other data errors stay 500s. */
    @ServerExceptionMapper
    public Response nulInText(org.hibernate.exception.DataException e) {
        if ("22021".equals(e.getSQLState())) {
            return refusal("Text must not contain NUL characters");
        }
        throw e;
    }

    private static Response refusal(String detail) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Invalid request", 400, detail, null, List.of())).build();
    }
}
