package com.slaledger.web;

import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import com.slaledger.security.UserRequest;
import com.slaledger.security.UserResponse;
import com.slaledger.security.UserService;
import com.slaledger.security.UserUpdateRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** The admin's page for people: who may sign in, with which roles, and who is disabled. */
@Path("/admin/users")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class UserPages {

    private final UserService users;

    public UserPages(UserService users) {
        this.users = users;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(UsersPage page);
    }

    /** The list, and the new-user form as typed (never the password) with its errors. */
    public record UsersPage(List<UserResponse> users, List<String> roles, String username, List<String> chosenRoles,
            List<FieldViolation> errors, String problem) {

        public String errorFor(String field) {
            return errors.stream().filter(e -> e.field().equals(field) || e.field().startsWith(field + "["))
                    .map(FieldViolation::message).findFirst().orElse(null);
        }

        public boolean chosen(String role) {
            return chosenRoles.contains(role);
        }
    }

    @GET
    public TemplateInstance list() {
        return page("", List.of(), List.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String password, @RestForm List<String> roles) {
        List<String> chosen = roles == null ? List.of() : roles;
        try {
            users.create(new UserRequest(blankToNull(username), blankToNull(password), chosen, true));
        } catch (ProblemException refused) {
            return Response.status(refused.status())
                    .entity(page(username, chosen, refused.violations(), refused.getMessage())).build();
        }
        return Response.seeOther(URI.create("/admin/users")).build();
    }

    @POST
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("username") String username, @RestForm List<String> roles,
            @RestForm String enabled) {
        try {
            boolean found = users.update(username, new UserUpdateRequest(roles == null ? List.of() : roles,
                    "true".equals(enabled))).isPresent();
            if (!found) {
                throw ProblemException.notFound("user", username);
            }
        } catch (ProblemException refused) {
            return Response.status(refused.status())
                    .entity(page("", List.of(), refused.violations(), refused.getMessage())).build();
        }
        return Response.seeOther(URI.create("/admin/users")).build();
    }

    private TemplateInstance page(String username, List<String> chosenRoles, List<FieldViolation> errors,
            String problem) {
        return Templates.list(new UsersPage(users.list(), Role.ALL, username == null ? "" : username, chosenRoles,
                errors, problem));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
