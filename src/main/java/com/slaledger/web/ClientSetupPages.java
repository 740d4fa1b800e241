package com.slaledger.web;

import com.slaledger.client.ClientRequest;
import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import com.slaledger.security.UserResponse;
import com.slaledger.security.UserService;
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
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The admin's pages for clients: the list with an add form, and one client's form (name, account manager
 * as a signed-in user, time zone, active). The client service validates (key slug, IANA zone, the account
 * manager being a user with that role); its violations are shown beside the fields, with what was typed kept.
 */
@Path("/admin/clients")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ClientSetupPages {

    private final ClientService clients;
    private final UserService users;

    public ClientSetupPages(ClientService clients, UserService users) {
        this.clients = clients;
        this.users = users;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance clients(ClientsPage page);

        static native TemplateInstance client(ClientPage page);
    }

    public record ClientsPage(List<ClientResponse> clients, ClientForm form, List<String> accountManagers,
            FormErrors errors, String problem) {
    }

    public record ClientPage(ClientResponse client, ClientForm form, List<String> accountManagers,
            FormErrors errors, String problem) {
    }

    /** A client as typed into the form; {@code active} is the checkbox. */
    public record ClientForm(String key, String name, String accountManagerUsername, String accountManager,
            String timeZone, boolean active) {

        static ClientForm empty() {
            return new ClientForm("", "", "", "", "UTC", true);
        }

        static ClientForm of(ClientResponse client) {
            return new ClientForm(client.key(), client.name(), nullToEmpty(client.accountManagerUsername()),
                    nullToEmpty(client.accountManager()), client.timeZone(), client.active());
        }

        ClientRequest request() {
            return new ClientRequest(ServicePages.blankToNull(key), ServicePages.blankToNull(name),
                    ServicePages.blankToNull(accountManager), ServicePages.blankToNull(timeZone), active,
                    ServicePages.blankToNull(accountManagerUsername));
        }

        public boolean manager(String username) {
            return username.equals(accountManagerUsername);
        }
    }

    @GET
    public TemplateInstance list() {
        return listPage(ClientForm.empty(), FormErrors.none(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String key, @RestForm String name, @RestForm String accountManagerUsername,
            @RestForm String accountManager, @RestForm String timeZone, @RestForm String active) {
        ClientForm form = new ClientForm(ServicePages.text(key), ServicePages.text(name),
                ServicePages.text(accountManagerUsername), ServicePages.text(accountManager),
                ServicePages.text(timeZone), "true".equals(active));
        try {
            clients.create(form.request());
        } catch (ProblemException refused) {
            return Response.status(refused.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(listPage(form, errors(refused), problem(refused))).build();
        }
        return Response.seeOther(URI.create("/admin/clients")).build();
    }

    @GET
    @Path("/{key}")
    public TemplateInstance edit(@PathParam("key") String key) {
        ClientResponse client = clients.find(key).orElseThrow(() -> ProblemException.notFound("client", key));
        return Templates.client(new ClientPage(client, ClientForm.of(client), accountManagers(), FormErrors.none(),
                null));
    }

    @POST
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("key") String key, @RestForm String name,
            @RestForm String accountManagerUsername, @RestForm String accountManager, @RestForm String timeZone,
            @RestForm String active) {
        ClientResponse client = clients.find(key).orElseThrow(() -> ProblemException.notFound("client", key));
        ClientForm form = new ClientForm(key, ServicePages.text(name), ServicePages.text(accountManagerUsername),
                ServicePages.text(accountManager), ServicePages.text(timeZone), "true".equals(active));
        try {
            clients.update(key, form.request()).orElseThrow(() -> ProblemException.notFound("client", key));
        } catch (ProblemException refused) {
            return Response.status(refused.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.client(new ClientPage(client, form, accountManagers(), errors(refused),
                            problem(refused)))).build();
        }
        return Response.seeOther(UriBuilder.fromPath("/admin/clients").build()).build();
    }

    private TemplateInstance listPage(ClientForm form, FormErrors errors, String problem) {
        return Templates.clients(new ClientsPage(clients.list(null), form, accountManagers(), errors, problem));
    }

    /** The users who may be a client's account manager: those with the role. */
    private List<String> accountManagers() {
        return users.list().stream().filter(user -> user.roles().contains(Role.ACCOUNT_MANAGER))
                .map(UserResponse::username).toList();
    }

    private static FormErrors errors(ProblemException refused) {
        return FormErrors.none().addAll(refused.violations(), Map.of());
    }

    /** The problem's words when no field is named (a key taken already), else null: the fields say it. */
    private static String problem(ProblemException refused) {
        return refused.violations().isEmpty() ? refused.getMessage() : null;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
