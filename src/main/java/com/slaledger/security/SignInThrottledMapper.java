package com.slaledger.security;

import com.slaledger.platform.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers {@link SignInThrottledException} with 429, Retry-After and a problem JSON. */
public class SignInThrottledMapper {

    @ServerExceptionMapper
    public Response throttled(SignInThrottledException e, UriInfo uri) {
        long seconds = e.retryAfterSeconds();
        Problem problem = new Problem("about:blank", "Too Many Requests", 429,
                "Too many failed password checks; try again in " + seconds + " seconds",
                uri == null ? null : uri.getPath(), List.of());
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", seconds).entity(problem).build();
    }
}
