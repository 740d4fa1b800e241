package com.slaledger.web;

import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.calendar.ServiceCalendarResponse;
import com.slaledger.calendar.ServiceCalendarService;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.ContractService;
import com.slaledger.contract.ImpactModel;
import com.slaledger.platform.ProblemException;
import com.slaledger.security.Role;
import com.slaledger.service.ServiceCatalog;
import com.slaledger.service.ServiceResponse;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pages for a client's contract versions (SPEC "Domain", Contract): every client with the version in
 * force today, one client's versions, and the form that creates or edits a version. Admins change every
 * term and delete a version that has not yet taken effect; finance reads everything and may change only the
 * fee's amount (SPEC "Who may do what"). The contract service decides both, as for the API: its violations
 * are shown beside the fields, with what was typed kept; a finance post that changes another term is refused
 * with a 403 naming each such term.
 */
@Path("/contracts")
@RolesAllowed({Role.FINANCE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ContractPages {

    private final ContractService contracts;
    private final ClientService clients;
    private final ServiceCatalog services;
    private final SecurityIdentity caller;

    private final ServiceCalendarService calendars;

    public ContractPages(ContractService contracts, ClientService clients, ServiceCatalog services,
            SecurityIdentity caller, ServiceCalendarService calendars) {
        this.calendars = calendars;
        this.contracts = contracts;
        this.clients = clients;
        this.services = services;
        this.caller = caller;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(IndexPage page);

        static native TemplateInstance versions(VersionsPage page);

        static native TemplateInstance form(FormPage page);
    }

    /** A client with the version in force today in its zone ({@code inForce} null when none) and how many it has. */
    public record IndexRow(ClientResponse client, VersionRow inForce, int versions) {
    }

    public record IndexPage(List<IndexRow> rows, boolean editsAll) {
    }

    /**
     * One version as the pages show it: {@code services} the covered services' names (the key where a
     * service has none), {@code fee} as money text, {@code deletable} whether it has not yet taken effect
     * (the only versions the service deletes: past months were measured against the others).
     */
    public record VersionRow(ContractResponse version, List<String> services, String fee, boolean inForce,
            boolean deletable) {
    }

    /** A client's versions, newest first; {@code problem} says why an action above them was refused. */
    public record VersionsPage(ClientResponse client, List<VersionRow> versions, boolean editsAll, String problem) {
    }

    /**
     * The new-version form ({@code id} null) or a version's form. With {@code feeOnly} (finance) only the fee's
     * amount is an input; the other terms are shown and posted back unchanged.
     */
    public record FormPage(ClientResponse client, Long id, ContractForm form, FormErrors errors,
            List<ServiceResponse> services, List<ImpactModel> impactModels, boolean feeOnly, boolean deletable,
            String problem,
            List<ServiceCalendarResponse> serviceCalendars) {

        public String action() {
            return "/contracts/" + client.key() + "/" + (id == null ? "new" : String.valueOf(id));
        }

        /** Names of the ticked services, for the read-only form. */
        public String coveredNames() {
            return services.stream().filter(service -> form.covers(service.key())).map(ServiceResponse::name)
                    .collect(Collectors.joining(", "));
        }
    }

    @GET
    public TemplateInstance index() {
        List<IndexRow> rows = clients.list(null).stream().map(client -> {
            List<ContractResponse> versions = contracts.list(client.key());
            LocalDate today = LocalDate.now(ZoneId.of(client.timeZone()));
            VersionRow inForce = versions.stream().filter(version -> version.inForceOn(today)).findFirst()
                    .map(version -> row(version, serviceNames(), today)).orElse(null);
            return new IndexRow(client, inForce, versions.size());
        }).toList();
        return Templates.index(new IndexPage(rows, editsAll()));
    }

    @GET
    @Path("/{clientKey}")
    public TemplateInstance versions(@PathParam("clientKey") String clientKey) {
        return versionsPage(requireClient(clientKey), null);
    }

    @GET
    @Path("/{clientKey}/new")
    @RolesAllowed(Role.ADMIN)
    public TemplateInstance newForm(@PathParam("clientKey") String clientKey) {
        ClientResponse client = requireClient(clientKey);
        ContractForm form = contracts.list(clientKey).stream()
                .max(Comparator.comparing(ContractResponse::effectiveFrom))
                .map(ContractForm::following).orElseGet(ContractForm::empty);
        return Templates.form(formPage(client, null, form, FormErrors.none(), false, null));
    }

    @POST
    @Path("/{clientKey}/new")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("clientKey") String clientKey, @BeanParam ContractForm form) {
        ClientResponse client = requireClient(clientKey);
        ContractForm.Parsed parsed = form.parse();
        if (!parsed.errors().isEmpty()) {
            ContractForm.addViolations(parsed.errors(), contracts.check(parsed.request()), parsed.tierRows());
            return refused(400, client, null, form, parsed.errors(), null, false);
        }
        try {
            ContractResponse created = contracts.create(clientKey, parsed.request());
            return versionsRedirect(clientKey, created.id());
        } catch (ProblemException refused) {
            return refused(refused, client, null, form, parsed, false);
        }
    }

    @GET
    @Path("/{clientKey}/{id: \\d+}")
    public TemplateInstance editForm(@PathParam("clientKey") String clientKey, @PathParam("id") long id) {
        ClientResponse client = requireClient(clientKey);
        ContractResponse version = requireVersion(client, id);
        return Templates.form(formPage(client, id, ContractForm.of(version), FormErrors.none(),
                deletable(version, client), null));
    }

    /** Saves a version; finance's post is held to the fee's amount by the service (403 naming the other terms). */
    @POST
    @Path("/{clientKey}/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("clientKey") String clientKey, @PathParam("id") long id,
            @BeanParam ContractForm form) {
        ClientResponse client = requireClient(clientKey);
        ContractResponse version = requireVersion(client, id);
        ContractForm.Parsed parsed = form.parse();
        boolean deletable = deletable(version, client);
        if (!parsed.errors().isEmpty()) {
            ContractForm.addViolations(parsed.errors(), contracts.check(parsed.request()), parsed.tierRows());
            return refused(400, client, id, form, parsed.errors(), null, deletable);
        }
        try {
            contracts.update(id, parsed.request(), editsAll())
                    .orElseThrow(() -> ProblemException.notFound("contract", id));
            return versionsRedirect(clientKey, id);
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            if (refused.status() == 403 && !editsAll()) {
                // the terms finance may not change are shown as stored (read-only: a changed value there could
                // not be put right), the fee as typed
                ContractForm stored = ContractForm.of(version);
                stored.feeAmount = form.feeAmount;
                return refused(refused, client, id, stored, parsed, deletable);
            }
            return refused(refused, client, id, form, parsed, deletable);
        }
    }

    /** Deletes a version that has not taken effect; one that has is refused (409) with the service's reason. */
    @POST
    @Path("/{clientKey}/{id: \\d+}/delete")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("clientKey") String clientKey, @PathParam("id") long id) {
        ClientResponse client = requireClient(clientKey);
        requireVersion(client, id);
        try {
            contracts.delete(id);
        } catch (ProblemException refused) {
            return Response.status(refused.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(versionsPage(client, refused.getMessage())).build();
        }
        return Response.seeOther(UriBuilder.fromPath("/contracts/{key}").build(clientKey)).build();
    }

    private TemplateInstance versionsPage(ClientResponse client, String problem) {
        LocalDate today = LocalDate.now(ZoneId.of(client.timeZone()));
        Map<String, String> names = serviceNames();
        List<VersionRow> rows = contracts.list(client.key()).stream()
                .sorted(Comparator.comparing(ContractResponse::effectiveFrom).reversed())
                .map(version -> row(version, names, today)).toList();
        return Templates.versions(new VersionsPage(client, rows, editsAll(), problem));
    }

    private static VersionRow row(ContractResponse version, Map<String, String> names, LocalDate today) {
        List<String> covered = version.coveredServices().stream().map(key -> names.getOrDefault(key, key)).toList();
        return new VersionRow(version, covered,
                Formats.money(version.monthlyFee().amount(), version.monthlyFee().currency()),
                version.inForceOn(today), version.effectiveFrom().isAfter(today));
    }

    private Map<String, String> serviceNames() {
        return services.list().stream().collect(Collectors.toMap(ServiceResponse::key, ServiceResponse::name,
                (a, b) -> a));
    }

    private Response refused(ProblemException refused, ClientResponse client, Long id, ContractForm form,
            ContractForm.Parsed parsed, boolean deletable) {
        FormErrors errors = parsed.errors();
        ContractForm.addViolations(errors, refused.violations(), parsed.tierRows());
        String problem = null;
        if (refused.status() == 403) {
            problem = "Not saved: finance may change only the monthly fee's amount; an admin may change the terms"
                    + " marked below.";
        } else if (refused.violations().isEmpty()) {
            problem = refused.getMessage();
        }
        return refused(refused.status(), client, id, form, errors, problem, deletable);
    }

    private Response refused(int status, ClientResponse client, Long id, ContractForm form, FormErrors errors,
            String problem, boolean deletable) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.form(formPage(client, id, form, errors, deletable, problem))).build();
    }

    private FormPage formPage(ClientResponse client, Long id, ContractForm form, FormErrors errors,
            boolean deletable, String problem) {
        return new FormPage(client, id, form, errors, services.list(), List.of(ImpactModel.values()), !editsAll(),
                deletable && editsAll(), problem, calendars.list());
    }

    private static Response versionsRedirect(String clientKey, long id) {
        return Response.seeOther(UriBuilder.fromPath("/contracts/{key}").fragment("version-" + id).build(clientKey))
                .build();
    }

    private ClientResponse requireClient(String clientKey) {
        return clients.find(clientKey).orElseThrow(() -> ProblemException.notFound("client", clientKey));
    }

    /** The version, when it belongs to this client: another client's id under this one's address is not found. */
    private ContractResponse requireVersion(ClientResponse client, long id) {
        return contracts.find(id).filter(version -> version.clientKey().equals(client.key()))
                .orElseThrow(() -> ProblemException.notFound("contract", id));
    }

    private static boolean deletable(ContractResponse version, ClientResponse client) {
        return version.effectiveFrom().isAfter(LocalDate.now(ZoneId.of(client.timeZone())));
    }

    /** Admins change every term; finance (without admin) only the fee's amount. */
    private boolean editsAll() {
        return caller.hasRole(Role.ADMIN);
    }
}
