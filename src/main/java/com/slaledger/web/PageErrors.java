package com.slaledger.web;

import com.slaledger.platform.HttpRefusals;
import com.slaledger.platform.Problem;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.ProblemMappers;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Error pages for people: a browser on any path outside the API gets a page in the layout, whatever the
 * status (400, 403, 404, 405...), saying what happened and where to go, while the API (anything under
 * {@code /api}, or any request that prefers JSON) keeps its problem JSON (RFC 9457). Nothing of the
 * exception reaches the page but the words meant for users.
 * <p>
 * These mappers outrank {@link ProblemMappers}' (priority below {@link Priorities#USER}) and hand API
 * callers back to them. Refusals made before any resource runs (the HTTP role rules) are turned into the
 * same page by {@link RouterFailurePages}.
 */
public class PageErrors {

    /** Ahead of {@link ProblemMappers}, which use the default priority {@link Priorities#USER}. */
    static final int AHEAD_OF_PROBLEM_JSON = Priorities.USER - 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail,
                List<FieldViolation> violations);
    }

    private final ProblemMappers problems = new ProblemMappers();

    /** Routes that match no resource, and wrong path parameters such as {@code /incidents/abc}. */
    @ServerExceptionMapper(priority = AHEAD_OF_PROBLEM_JSON)
    public Response notFound(NotFoundException e, HttpHeaders headers, UriInfo uri) {
        if (!wantsPage(headers, uri)) {
            return problems.web(e, uri);
        }
        return page(404, "Page not found", "Nothing is at " + uri.getPath() + ".", List.of());
    }

    /**
     * A refusal of the service (unknown client, a month without a contract, a bad {@code month}, a client
     * the account manager does not own) on a page: the same words, as a page with the same status.
     */
    @ServerExceptionMapper(priority = AHEAD_OF_PROBLEM_JSON)
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        if (!wantsPage(headers, uri)) {
            return problems.problem(e, uri);
        }
        return page(e.status(), pageTitle(e.status(), e.title()), e.getMessage(), e.violations());
    }

    /** A role rule of a resource ({@code @RolesAllowed}) said no: a page that says whose pages these are. */
    @ServerExceptionMapper(priority = AHEAD_OF_PROBLEM_JSON)
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        if (!wantsPage(headers, uri)) {
            return problems.forbidden(e, uri);
        }
        return forbiddenPage();
    }

    /** Other HTTP refusals (405, 406, 415...) on a page path; the API keeps its problem JSON. */
    @ServerExceptionMapper(priority = AHEAD_OF_PROBLEM_JSON)
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (!wantsPage(headers, uri) || e.getCause() != null || status < 400) {
            return problems.web(e, uri);
        }
        if (status == 404) {
            return page(404, "Page not found", "Nothing is at " + uri.getPath() + ".", List.of());
        }
        return page(status, pageTitle(status, e.getResponse().getStatusInfo().getReasonPhrase()),
                e.getResponse().getStatusInfo().getReasonPhrase() + ".", List.of());
    }

    /**
     * Any other problem (a 503 while the database cannot be reached, a transaction that timed out or a
     * read the database cancelled, with their {@code Retry-After}; a 409 of a data rule...) answered to a
     * person on a page: the same status, headers and words, as the layout's error page.
     */
    @ServerResponseFilter
    public void pageForProblem(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)
                || !wantsPage(request.getAcceptableMediaTypes(), request.getUriInfo().getPath())) {
            return;
        }
        response.setEntity(Templates.error(problem.status(), pageTitle(problem.status(), problem.title()),
                problem.detail(), problem.violations() == null ? List.of() : problem.violations()), null,
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static final String FORBIDDEN_DETAIL = "You are signed in, but your roles do not open this page. The menu"
            + " above shows the pages you may open; an administrator can change your roles.";

    static Response forbiddenPage() {
        return page(403, pageTitle(403, "Forbidden"), FORBIDDEN_DETAIL, List.of());
    }

    /** The error page, in the layout, with the given status. */
    static Response page(int status, String title, String detail, List<FieldViolation> violations) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.error(status, title, detail, violations)).build();
    }

    static String pageTitle(int status, String fallback) {
        return switch (status) {
            case 400 -> "This address has mistakes";
            case 403 -> "Not open to your role";
            case 404 -> "Not found";
            case 405 -> "Not possible here";
            case 503 -> "Not available right now";
            default -> fallback;
        };
    }

    /** Whether the path is one of the pages' (not the API's, not Quarkus' own under {@code /q}). */
    static boolean isPagePath(String path) {
        return !HttpRefusals.isProblemPath(path);
    }

    /**
     * Whether the caller is a person with a browser: not an API path, and HTML wanted at least as much
     * as JSON. Browsers send {@code text/html} first; {@code curl} sends {@code *}{@code /*}, which on a
     * page route means the page.
     */
    static boolean wantsPage(HttpHeaders headers, UriInfo uri) {
        return wantsPage(headers.getAcceptableMediaTypes(), uri.getPath());
    }

    /** As {@link #wantsPage(HttpHeaders, UriInfo)}, from the accepted media types (best first) and the path. */
    static boolean wantsPage(List<MediaType> accepted, String path) {
        if (!isPagePath(path)) {
            return false;
        }
        for (MediaType type : accepted) {
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) || type.isCompatible(MediaType.APPLICATION_XHTML_XML_TYPE)) {
                return true;
            }
            if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
                return false;
            }
        }
        return true;
    }
}
