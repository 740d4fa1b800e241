package com.slaledger.maintenance;

import com.slaledger.platform.InputLimits;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/maintenance-windows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Maintenance windows")
@RolesAllowed({Role.SRE, Role.ADMIN})
public class MaintenanceWindowResource {

    private final MaintenanceWindowService windows;

    public MaintenanceWindowResource(MaintenanceWindowService windows) {
        this.windows = windows;
    }

    @GET
    public List<MaintenanceWindowResponse> list(
            @Parameter(description = "windows ending after this instant") @QueryParam("from") String from,
            @Parameter(description = "windows starting before this instant") @QueryParam("to") String to,
            @Parameter(description = "windows naming this client, or for all clients") @QueryParam("client")
            String client,
            @Parameter(description = "windows naming this service, or for all clients") @QueryParam("service")
            String service) {
        // Parsed here: an instant JAX-RS cannot convert would otherwise answer 404.
        return windows.list(instant("from", from), instant("to", to), client, service);
    }

    @GET
    @Path("/{id}")
    public MaintenanceWindowResponse get(@PathParam("id") long id) {
        return windows.find(id).orElseThrow(() -> ProblemException.notFound("maintenance window", id));
    }

    @POST
    public Response create(MaintenanceWindowRequest request, UriInfo uri) {
        MaintenanceWindowService.Saved saved = windows.create(request);
        if (!saved.created()) {
            return Response.ok(saved.window()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(saved.window().id())).build())
                .entity(saved.window()).build();
    }

    @PUT
    @Path("/{id}")
    public MaintenanceWindowResponse update(@PathParam("id") long id, MaintenanceWindowRequest request) {
        return windows.update(id, request).orElseThrow(() -> ProblemException.notFound("maintenance window", id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        if (!windows.delete(id)) {
            throw ProblemException.notFound("maintenance window", id);
        }
        return Response.noContent().build();
    }

    private static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        return InputLimits.instant(value)
                .orElseThrow(() -> ProblemException.badParameter(parameter, "must be " + InputLimits.instantRange()));
    }
}
