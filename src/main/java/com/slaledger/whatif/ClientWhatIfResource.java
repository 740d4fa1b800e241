package com.slaledger.whatif;

import com.slaledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's saved what-ifs; one is then addressed by id under {@code /api/what-ifs}. */
@Path("/api/clients/{clientKey}/what-ifs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "What-if")
@RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
public class ClientWhatIfResource {

    private final SavedWhatIfService saved;

    public ClientWhatIfResource(SavedWhatIfService saved) {
        this.saved = saved;
    }

    @GET
    @Operation(summary = "A client's saved what-ifs, newest first, without figures")
    public List<SavedWhatIfResponse> list(@PathParam("clientKey") String clientKey) {
        return saved.list(clientKey);
    }

    @POST
    @Operation(summary = "Keep a what-if under a name (unique per client, at most 50 per client); the same "
            + "what-if sent again under its name answers 200 with the saved one")
    public Response save(@PathParam("clientKey") String clientKey, SaveWhatIfRequest request, UriInfo uri) {
        SavedWhatIfService.Saved result = saved.save(clientKey, request, Instant.now());
        if (!result.created()) {
            return Response.ok(result.whatIf()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path(SavedWhatIfResource.class)
                .path(String.valueOf(result.whatIf().id())).build()).entity(result.whatIf()).build();
    }
}
