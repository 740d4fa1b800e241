package com.slaledger.web;

import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemMappers;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Error pages for people: a browser asking for a page that does not exist gets a page in the layout,
 * with a way back, while the API (anything under {@code /api}, or any request that prefers JSON)
 * keeps its problem JSON. Nothing of the exception reaches the page but the words meant for users.
 */
public class PageErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail,
                List<FieldViolation> violations);
    }

    private final ProblemMappers problems = new ProblemMappers();

    /** Routes that match no resource, and wrong path parameters such as {@code /incidents/abc}. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers, UriInfo uri) {
        if (!wantsPage(headers, uri)) {
            return problems.web(e, uri);
        }
        return page(404, "Page not found", "Nothing is at " + uri.getPath() + ".", List.of());
    }

    /** The error page, in the layout, with the given status. */
    static Response page(int status, String title, String detail, List<FieldViolation> violations) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail, violations)).build();
    }

    /**
     * Whether the caller is a person with a browser: not an API path, and HTML wanted at least as much
     * as JSON. Browsers send {@code text/html} first; {@code curl} sends {@code *}{@code /*}, which on a
     * page route means the page.
     */
    static boolean wantsPage(HttpHeaders headers, UriInfo uri) {
        String path = uri.getPath();
        if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/")) {
            return false;
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
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
