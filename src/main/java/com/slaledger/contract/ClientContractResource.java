package com.slaledger.contract;

import com.slaledger.platform.InputLimits;
import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's contract versions; a single version is then addressed by id under {@code /api/contracts}. */
@Path("/api/clients/{clientKey}/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts")
@RolesAllowed(Role.ADMIN)
public class ClientContractResource {

    private final ContractService contracts;

    public ClientContractResource(ContractService contracts) {
        this.contracts = contracts;
    }

    @GET
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public List<ContractResponse> list(@PathParam("clientKey") String clientKey) {
        return contracts.list(clientKey);
    }

    @POST
    public Response create(@PathParam("clientKey") String clientKey, ContractRequest request, UriInfo uri) {
        ContractResponse created = contracts.create(clientKey, request);
        return Response.created(uri.getBaseUriBuilder().path(ContractResource.class).path(String.valueOf(created.id()))
                .build()).entity(created).build();
    }

    @GET
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    @Path("/in-force")
    public ContractResponse inForce(@PathParam("clientKey") String clientKey,
            @Parameter(description = "a day of the client's calendar (YYYY-MM-DD); today in its zone when omitted")
            @QueryParam("date") String date) {
        // Parsed here: a date JAX-RS cannot convert would otherwise answer 404, as if the client were unknown.
        Optional<ContractResponse> found = date == null ? contracts.inForceToday(clientKey)
                : contracts.inForce(clientKey, parseDate(date));
        return found.orElseThrow(() -> new ProblemException(404, "Not found", "No contract of client '" + clientKey
                + "' is in force on " + (date == null ? "today" : date), List.of()));
    }

    private static LocalDate parseDate(String date) {
        return InputLimits.date(date)
                .orElseThrow(() -> ProblemException.badParameter("date", "must be " + InputLimits.dateRange()));
    }
}
