package com.slaledger.whatif;

import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Saved what-ifs: kept per client, then addressed by id under {@code /api/what-ifs}. */
@Path("/api/what-ifs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "What-if")
@RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
public class SavedWhatIfResource {

    private final SavedWhatIfService saved;

    public SavedWhatIfResource(SavedWhatIfService saved) {
        this.saved = saved;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A saved what-if, its figures worked out now from today's incidents and contracts")
    public SavedWhatIfResponse open(@PathParam("id") long id) {
        return saved.open(id, Instant.now()).orElseThrow(() -> ProblemException.notFound("what-if", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Forget a saved what-if")
    public Response delete(@PathParam("id") long id) {
        if (!saved.delete(id)) {
            throw ProblemException.notFound("what-if", id);
        }
        return Response.noContent().build();
    }
}
