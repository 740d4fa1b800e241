package com.slaledger.service;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Services")
@RolesAllowed(Role.ADMIN)
public class ServiceResource {

    private final ServiceCatalog catalog;

    public ServiceResource(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @RolesAllowed({Role.SRE, Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public List<ServiceResponse> list() {
        return catalog.list();
    }

    @GET
    @RolesAllowed({Role.SRE, Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    @Path("/{key}")
    public ServiceResponse get(@PathParam("key") String key) {
        return catalog.find(key).orElseThrow(() -> ProblemException.notFound("service", key));
    }

    @POST
    public Response create(ServiceRequest request, UriInfo uri) {
        ServiceResponse created = catalog.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build()).entity(created).build();
    }

    @PUT
    @Path("/{key}")
    public ServiceResponse update(@PathParam("key") String key, ServiceRequest request) {
        return catalog.update(key, request).orElseThrow(() -> ProblemException.notFound("service", key));
    }

    @DELETE
    @Path("/{key}")
    public Response delete(@PathParam("key") String key) {
        if (!catalog.delete(key)) {
            throw ProblemException.notFound("service", key);
        }
        return Response.noContent().build();
    }
}
