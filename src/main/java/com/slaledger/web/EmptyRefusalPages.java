package com.slaledger.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A form post refused by the CSRF check (a missing or wrong token: a form page left open past the token's
 * cookie, or a form sent from another site) is answered by Quarkus' CSRF filter with an empty 400, which a
 * browser shows as its own "this page isn't working". On a page path such an empty 400 to a form post becomes the
 * layout's error page, saying what to do; the API keeps its bare status (its callers send no forms).
 */
public class EmptyRefusalPages {

    static final String FORM_REFUSED_DETAIL = "This form could not be accepted: it was not sent from this site's"
            + " page, or the page was open for too long. Go back, reload the page and send the form again.";

    @ServerResponseFilter
    public void pageForEmptyRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !"POST".equals(request.getMethod())
                || !PageErrors.isPagePath(request.getUriInfo().getPath())) {
            return;
        }
        response.setEntity(PageErrors.Templates.error(400, "This form was not accepted", FORM_REFUSED_DETAIL,
                List.of()), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
