package com.slaledger.web;

import com.slaledger.platform.ProblemException;
import com.slaledger.security.ApiTokenService;
import com.slaledger.security.ApiTokenService.CreatedToken;
import com.slaledger.security.ApiTokenService.TokenResponse;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The signed-in person's API tokens: list, create, revoke. A new token is shown once: the create answers
 * with a redirect (post-redirect-get, so a reload never makes a second token) and the token waits in memory
 * for its owner's next visit to this page, for at most {@value #HANDOFF_SECONDS} seconds, and is dropped as it
 * is shown. It never travels in a cookie or a URL. With several instances behind a balancer the next page
 * may land elsewhere: the person then revokes the unseen token and makes another.
 */
@Path("/account/tokens")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ApiTokenPages {

    static final String PATH = "/account/tokens";
    static final long HANDOFF_SECONDS = 60;
    static final int MAX_NAME_LENGTH = 100;

    private final ApiTokenService tokens;
    private final SecurityIdentity caller;
    private final NewTokenHandoff handoff;

    public ApiTokenPages(ApiTokenService tokens, SecurityIdentity caller, NewTokenHandoff handoff) {
        this.tokens = tokens;
        this.caller = caller;
        this.handoff = handoff;
    }

    /** New tokens waiting for their owner's next page view, by username; one each, the latest. */
    @ApplicationScoped
    static class NewTokenHandoff {

        private record Waiting(String token, Instant until) {
        }

        private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

        void put(String username, String token) {
            waiting.put(username, new Waiting(token, Instant.now().plusSeconds(HANDOFF_SECONDS)));
        }

        /** The waiting token, removed; null when none or when it waited too long. */
        String take(String username) {
            Waiting taken = waiting.remove(username);
            return taken == null || taken.until().isBefore(Instant.now()) ? null : taken.token();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(TokensPage page);
    }

    /** @param newToken the token just created, shown this once; null otherwise */
    public record TokensPage(String username, List<TokenResponse> tokens, String newToken, String name,
            FormErrors errors) {
    }

    @GET
    public Response list() {
        return Response.ok(page(handoff.take(username()), "", FormErrors.none())).header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name) {
        String typed = name == null ? "" : name.strip();
        FormErrors errors = FormErrors.none();
        if (typed.isEmpty()) {
            errors.add("name", "Give the token a name, such as the script that will use it.");
        } else if (typed.length() > MAX_NAME_LENGTH) {
            errors.add("name", "At most " + MAX_NAME_LENGTH + " characters.");
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(page(null, typed.length() > MAX_NAME_LENGTH
                    ? typed.substring(0, MAX_NAME_LENGTH) : typed, errors)).build();
        }
        CreatedToken created = tokens.create(username(), typed);
        handoff.put(username(), created.token());
        return Response.seeOther(URI.create(PATH)).build();
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id) {
        if (!tokens.revoke(username(), id)) {
            throw ProblemException.notFound("token", id);
        }
        return Response.seeOther(URI.create(PATH)).build();
    }

    private TemplateInstance page(String newToken, String name, FormErrors errors) {
        return Templates.tokens(new TokensPage(username(), tokens.list(username()), newToken, name, errors));
    }

    private String username() {
        return caller.getPrincipal().getName();
    }
}
