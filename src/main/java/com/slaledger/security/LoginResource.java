package com.slaledger.security;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The login page for the (coming) HTML pages. The form posts to {@code /login}, which Quarkus' form
 * authentication handles before any resource; failures come back as {@code /login?error=true}, one
 * message for every reason, so the page does not tell which usernames exist.
 */
@Path("/")
@Tag(name = "Sign-in")
@PermitAll
public class LoginResource {

    private static final String PAGE = read("login.html");

    private final String cookieName;
    private final UserSessions sessions;

    public LoginResource(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
            String cookieName, UserSessions sessions) {
        this.cookieName = cookieName;
        this.sessions = sessions;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response loginPage(@QueryParam("error") String error) {
        String message = error == null ? ""
                : "<p class=\"notice error\" role=\"alert\">Sign-in failed. Check the username and password, or wait a few"
                        + " minutes after several failed attempts.</p>";
        return Response.ok(PAGE.replace("<!--message-->", message))
                .header("Cache-Control", "no-store").build();
    }

    /**
     * Signs out: closes the browser's server-side session ({@link UserSessions}), so a copy of its cookies
     * no longer signs in anywhere, and replaces both session cookies with expired, empty ones. The
     * known-device cookie stays: it grants nothing by itself.
     */
    @POST
    @Path("logout")
    public Response logout(@CookieParam(UserSessions.COOKIE) String sessionId) {
        sessions.close(sessionId);
        return Response.seeOther(URI.create("/login")).cookie(expired(cookieName), expired(UserSessions.COOKIE))
                .header("Cache-Control", "no-store").build();
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static String read(String name) {
        try (InputStream in = LoginResource.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
