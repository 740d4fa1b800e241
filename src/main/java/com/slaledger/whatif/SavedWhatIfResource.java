package com.slaledger.whatif;

import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Saved what-ifs: kept per client, then addressed by id under {@code /api/what-ifs}. Changes and deletions are
 * audited ({@code GET /api/audit?entity=what-if&id=…}).
 */
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

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a saved what-if: name, months and proposal replaced, checked as when it was saved "
            + "(400 naming each bad field; 409 when the name is another what-if's of the client); answers it with "
            + "its figures worked out now")
    public SavedWhatIfResponse update(@PathParam("id") long id, SaveWhatIfRequest request) {
        return saved.update(id, request, Instant.now()).orElseThrow(() -> ProblemException.notFound("what-if", id));
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
