package com.slaledger.client;

import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clients")
@RolesAllowed(Role.ADMIN)
public class ClientResource {

    private final ClientService clients;

    public ClientResource(ClientService clients) {
        this.clients = clients;
    }

    @GET
    @RolesAllowed({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public List<ClientResponse> list(@QueryParam("active") Boolean active) {
        return clients.list(active);
    }

    @GET
    @RolesAllowed({Role.ACCOUNT_MANAGER, Role.ADMIN})
    @Path("/{key}")
    public ClientResponse get(@PathParam("key") String key) {
        return clients.find(key).orElseThrow(() -> ProblemException.notFound("client", key));
    }

    @POST
    public Response create(ClientRequest request, UriInfo uri) {
        ClientResponse created = clients.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build()).entity(created).build();
    }

    @PUT
    @Path("/{key}")
    public ClientResponse update(@PathParam("key") String key, ClientRequest request) {
        return clients.update(key, request).orElseThrow(() -> ProblemException.notFound("client", key));
    }

    @DELETE
    @Path("/{key}")
    public Response delete(@PathParam("key") String key) {
        if (!clients.delete(key)) {
            throw ProblemException.notFound("client", key);
        }
        return Response.noContent().build();
    }
}
