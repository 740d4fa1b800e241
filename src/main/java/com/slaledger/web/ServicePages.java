package com.slaledger.web;

import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import com.slaledger.service.ServiceCatalog;
import com.slaledger.service.ServiceRequest;
import com.slaledger.service.ServiceResponse;
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
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The admin's page for services (what can fail): list, add, rename. The service catalogue validates; its
 * violations are shown beside the fields, with what was typed kept.
 */
@Path("/admin/services")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ServicePages {

    private final ServiceCatalog services;

    public ServicePages(ServiceCatalog services) {
        this.services = services;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance services(ServicesPage page);
    }

    /**
     * @param form   the add form as typed
     * @param errors the add form's errors, or those of the row named by {@code editing}
     */
    public record ServicesPage(List<ServiceResponse> services, ServiceForm form, String editing, FormErrors errors,
            String problem) {
    }

    /** A service as typed into the form. */
    public record ServiceForm(String key, String name, String description) {

        static ServiceForm empty() {
            return new ServiceForm("", "", "");
        }

        ServiceRequest request() {
            return new ServiceRequest(blankToNull(key), blankToNull(name), blankToNull(description));
        }
    }

    @GET
    public TemplateInstance list() {
        return page(ServiceForm.empty(), null, FormErrors.none(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String key, @RestForm String name, @RestForm String description) {
        ServiceForm form = new ServiceForm(text(key), text(name), text(description));
        try {
            services.create(form.request());
        } catch (ProblemException refused) {
            return refused(refused, form, null);
        }
        return Response.seeOther(URI.create("/admin/services")).build();
    }

    @POST
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("key") String key, @RestForm String name, @RestForm String description) {
        ServiceForm form = new ServiceForm(key, text(name), text(description));
        try {
            if (services.update(key, form.request()).isEmpty()) {
                throw ProblemException.notFound("service", key);
            }
        } catch (ProblemException refused) {
            return refused(refused, ServiceForm.empty(), key);
        }
        return Response.seeOther(URI.create("/admin/services")).build();
    }

    private Response refused(ProblemException refused, ServiceForm form, String editing) {
        FormErrors errors = FormErrors.none().addAll(refused.violations(), Map.of());
        String problem = refused.violations().isEmpty() ? refused.getMessage() : null;
        return Response.status(refused.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(form, editing, errors, problem)).build();
    }

    private TemplateInstance page(ServiceForm form, String editing, FormErrors errors, String problem) {
        return Templates.services(new ServicesPage(services.list(), form, editing, errors, problem));
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
