package com.slaledger.contract;

import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts")
@RolesAllowed(Role.ADMIN)
public class ContractResource {

    private final ContractService contracts;
    private final SecurityIdentity caller;

    public ContractResource(ContractService contracts, SecurityIdentity caller) {
        this.contracts = contracts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    @Path("/{id}")
    public ContractResponse get(@PathParam("id") long id) {
        return contracts.find(id).orElseThrow(() -> ProblemException.notFound("contract", id));
    }

    @PUT
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    @Path("/{id}")
    @Operation(summary = "Replace a contract version's terms; finance (without admin) may change only the fee's amount")
    public ContractResponse update(@PathParam("id") long id, ContractRequest request) {
        return contracts.update(id, request, caller.hasRole(Role.ADMIN)).orElseThrow(() -> ProblemException.notFound("contract", id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        if (!contracts.delete(id)) {
            throw ProblemException.notFound("contract", id);
        }
        return Response.noContent().build();
    }
}
