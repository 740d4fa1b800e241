package com.slaledger.security;

import com.slaledger.platform.ProblemException;
import com.slaledger.platform.Violations;
import com.slaledger.security.ApiTokenService.CreatedToken;
import com.slaledger.security.ApiTokenService.TokenRequest;
import com.slaledger.security.ApiTokenService.TokenResponse;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own API tokens; nobody sees or revokes anyone else's here (an admin disables the user). */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
@Authenticated
public class ApiTokenResource {

    private final ApiTokenService tokens;
    private final SecurityIdentity caller;
    private final Validator validator;

    public ApiTokenResource(ApiTokenService tokens, SecurityIdentity caller, Validator validator) {
        this.tokens = tokens;
        this.caller = caller;
        this.validator = validator;
    }

    @GET
    public List<TokenResponse> list() {
        return tokens.list(caller.getPrincipal().getName());
    }

    @POST
    @Operation(summary = "Create a token for yourself; the answer is the only time the token is shown")
    public Response create(TokenRequest request, UriInfo uri) {
        if (request == null) {
            throw ProblemException.badParameter("name", "must not be blank");
        }
        new Violations().addAll(validator.validate(request), "").throwIfAny();
        CreatedToken created = tokens.create(caller.getPrincipal().getName(), request.name());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .header("Cache-Control", "no-store").entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        if (!tokens.revoke(caller.getPrincipal().getName(), id)) {
            throw ProblemException.notFound("token", id);
        }
        return Response.noContent().build();
    }
}
