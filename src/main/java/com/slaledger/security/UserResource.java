package com.slaledger.security;

import com.slaledger.platform.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@RolesAllowed(Role.ADMIN)
public class UserResource {

    private final UserService users;
    private final SecurityIdentity caller;

    public UserResource(UserService users, SecurityIdentity caller) {
        this.users = users;
        this.caller = caller;
    }

    @GET
    public List<UserResponse> list() {
        return users.list();
    }

    @GET
    @Path("/{username}")
    public UserResponse get(@PathParam("username") String username) {
        return users.find(username).orElseThrow(() -> ProblemException.notFound("user", username));
    }

    @POST
    public Response create(UserRequest request, UriInfo uri) {
        UserResponse created = users.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build()).entity(created).build();
    }

    @PUT
    @Path("/{username}")
    @Operation(summary = "Change roles and/or disable (enabled: false) or enable a user")
    public UserResponse update(@PathParam("username") String username, UserUpdateRequest request) {
        return users.update(username, request).orElseThrow(() -> ProblemException.notFound("user", username));
    }

    @DELETE
    @Path("/{username}")
    public Response delete(@PathParam("username") String username) {
        if (!users.delete(username)) {
            throw ProblemException.notFound("user", username);
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("/{username}/password")
    @Authenticated
    @Operation(summary = "Set a password: admins for anyone, others for themselves with currentPassword")
    public Response changePassword(@PathParam("username") String username, PasswordRequest request) {
        users.changePassword(username, request, caller).orElseThrow(() -> ProblemException.notFound("user", username));
        return Response.noContent().build();
    }
}
