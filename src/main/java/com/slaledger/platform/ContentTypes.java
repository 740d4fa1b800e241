package com.slaledger.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that carries a body must say what the body is. Without a {@code Content-Type} the REST layer
 * skips its {@code @Consumes} check and hands the method empty form fields, which pages and the API then
 * fail on; RFC 9110 section 8.3 lets a recipient treat such a body as {@code application/octet-stream},
 * which no endpoint here takes. So it is refused at the edge with 415, before any endpoint is chosen.
 */
public class ContentTypes {

    @ServerRequestFilter(preMatching = true)
    public Response refuseBodyWithoutContentType(ContainerRequestContext request) {
        if (request.getHeaderString("Content-Type") != null || !hasBody(request)) {
            return null;
        }
        return Response.status(415).type(Problem.MEDIA_TYPE).entity(new Problem("about:blank",
                "Unsupported Media Type", 415, "A request with a body must name its Content-Type:"
                        + " application/json for the API, application/x-www-form-urlencoded for page forms",
                null, List.of())).build();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return true;
        }
        String length = request.getHeaderString("Content-Length");
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.strip()) > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
