package com.slaledger.calendar;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Service calendars: admins write them (they change what contracts measure, as contracts do); everyone who reads
 * SLA reports (account managers, finance) reads them, as the reports themselves, so a figure measured in service
 * hours can be traced to its hours, and to who changed them when ({@code /{key}/history}).
 */
@Path("/api/service-calendars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service calendars")
@RolesAllowed(Role.ADMIN)
public class ServiceCalendarResource {

    private final ServiceCalendarService calendars;

    public ServiceCalendarResource(ServiceCalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public List<ServiceCalendarResponse> list() {
        return calendars.list();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public ServiceCalendarResponse get(@PathParam("key") String key) {
        return calendars.find(key).orElseThrow(() -> ProblemException.notFound("service calendar", key));
    }

    /**
     * The calendar's changes, newest first: who, when, what, and each field before and after (see
     * {@link ServiceCalendarChange}); 404 problem for an unknown key.
     */
    @GET
    @Path("/{key}/history")
    @RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    @Operation(summary = "A service calendar's changes, newest first, field by field")
    public List<ServiceCalendarChange> history(@PathParam("key") String key) {
        return calendars.history(key).orElseThrow(() -> ProblemException.notFound("service calendar", key));
    }

    @POST
    public Response create(ServiceCalendarRequest request, UriInfo uri) {
        ServiceCalendarResponse created = calendars.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.key()).build()).entity(created).build();
    }

    @PUT
    @Path("/{key}")
    public ServiceCalendarResponse update(@PathParam("key") String key, ServiceCalendarRequest request) {
        return calendars.update(key, request).orElseThrow(() -> ProblemException.notFound("service calendar", key));
    }

    @DELETE
    @Path("/{key}")
    public Response delete(@PathParam("key") String key) {
        if (!calendars.delete(key)) {
            throw ProblemException.notFound("service calendar", key);
        }
        return Response.noContent().build();
    }
}
