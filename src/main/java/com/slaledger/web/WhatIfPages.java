package com.slaledger.web;

import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.ContractService;
import com.slaledger.contract.ImpactModel;
import com.slaledger.platform.ProblemException;
import com.slaledger.report.WhatIfReport;
import com.slaledger.security.Role;
import com.slaledger.whatif.SaveWhatIfRequest;
import com.slaledger.whatif.SavedWhatIfResponse;
import com.slaledger.whatif.SavedWhatIfService;
import com.slaledger.whatif.WhatIfRequests;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The what-if page beside a client's month: a proposed contract tried on past months. The form starts from
 * the version in force today; the terms typed differently become the proposal ({@link WhatIfForm}). The
 * answer shows both sides month by month, the credit per currency with the difference and a chart; a what-if
 * may be saved under a name, and the saved ones are listed to open (worked out again) or delete. Who may:
 * as for the SLA reports, account managers for their own clients only (another's is a 404).
 */
@Path("/clients/{key}/what-if")
@RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class WhatIfPages {

    /** Months the page tries a proposal on unless told otherwise: the last twelve complete ones. */
    static final int DEFAULT_MONTHS = 12;

    private final ClientService clients;
    private final ContractService contracts;
    private final WhatIfRequests whatIf;
    private final SavedWhatIfService saved;

    public WhatIfPages(ClientService clients, ContractService contracts, WhatIfRequests whatIf,
            SavedWhatIfService saved) {
        this.clients = clients;
        this.contracts = contracts;
        this.whatIf = whatIf;
        this.saved = saved;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance whatIf(WhatIfPage page);
    }

    /**
     * @param base    the version the form started from (in force today, else the newest); null without any
     * @param report  the answer; null before the form is sent or when it was refused
     * @param opened  the saved what-if shown, if one was opened
     * @param problem a refusal that belongs to no field
     */
    public record WhatIfPage(ClientResponse client, ContractResponse base, WhatIfForm form, FormErrors errors,
            String problem, WhatIfReport report, WhatIfChart chart, List<SavedWhatIfResponse> saved,
            SavedWhatIfResponse opened) {

        public List<ImpactModel> impactModels() {
            return List.of(ImpactModel.values());
        }

        public String action() {
            return "/clients/" + client.key() + "/what-if";
        }

        /** The money of one side of a month, {@code EUR 1,200.00}. */
        public String money(WhatIfReport.Figures figures) {
            return CreditPages.money(figures.creditAmount(), figures.currency());
        }

        public String money(String amount, String currency) {
            return CreditPages.money(amount, currency);
        }

        /** A difference with its sign: {@code +EUR 100.00}, {@code −EUR 1,200.00}, {@code EUR 0.00}. */
        public String difference(WhatIfReport.CurrencyTotal total) {
            java.math.BigDecimal amount = new java.math.BigDecimal(total.difference());
            String money = CreditPages.money(amount.abs().toPlainString(), total.currency());
            return amount.signum() < 0 ? "−" + money : amount.signum() > 0 ? "+" + money : money;
        }

        /** "lower", "higher" or "same" for styling a difference. */
        public String trend(WhatIfReport.CurrencyTotal total) {
            int sign = new java.math.BigDecimal(total.difference()).signum();
            return sign < 0 ? "lower" : sign > 0 ? "higher" : "same";
        }
    }

    @GET
    public TemplateInstance page(@PathParam("key") String key, @QueryParam("saved") Long savedId) {
        ClientResponse client = requireClient(key);
        ContractResponse base = base(client);
        Instant now = Instant.now();
        if (savedId != null) {
            SavedWhatIfResponse opened = saved.open(savedId, now)
                    .filter(found -> found.clientKey().equals(key))
                    .orElseThrow(() -> ProblemException.notFound("what-if", savedId));
            WhatIfForm form = WhatIfForm.of(base, opened.proposal(), opened.from(), opened.to(), opened.name());
            return Templates.whatIf(new WhatIfPage(client, base, form, FormErrors.none(), null, opened.report(),
                    WhatIfChart.of(opened.report(), key), saved.list(key), opened));
        }
        YearMonth current = YearMonth.from(now.atZone(ZoneId.of(client.timeZone())));
        WhatIfForm form = WhatIfForm.of(base, current.minusMonths(DEFAULT_MONTHS).toString(),
                current.minusMonths(1).toString());
        return Templates.whatIf(new WhatIfPage(client, base, form, FormErrors.none(), null, null, null,
                saved.list(key), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response evaluate(@PathParam("key") String key, @BeanParam WhatIfForm form) {
        ClientResponse client = requireClient(key);
        ContractResponse base = base(client);
        WhatIfForm.Parsed parsed = form.parse(base);
        if (!parsed.errors().isEmpty()) {
            return refused(client, base, form, parsed.errors(), null);
        }
        try {
            WhatIfReport report = whatIf.evaluate(key, form.from, form.to, parsed.proposal(), Instant.now());
            return Response.ok(Templates.whatIf(new WhatIfPage(client, base, form, FormErrors.none(), null, report,
                    WhatIfChart.of(report, key), saved.list(key), null))).build();
        } catch (ProblemException refused) {
            return refused(client, base, form, parsed, refused);
        }
    }

    @POST
    @Path("/save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("key") String key, @BeanParam WhatIfForm form) {
        ClientResponse client = requireClient(key);
        ContractResponse base = base(client);
        WhatIfForm.Parsed parsed = form.parse(base);
        if (!parsed.errors().isEmpty()) {
            return refused(client, base, form, parsed.errors(), null);
        }
        try {
            SavedWhatIfService.Saved kept = saved.save(key,
                    new SaveWhatIfRequest(form.name, form.from, form.to, parsed.proposal()), Instant.now());
            return Response.seeOther(UriBuilder.fromPath("/clients/{key}/what-if")
                    .queryParam("saved", kept.whatIf().id()).build(key)).build();
        } catch (ProblemException refused) {
            return refused(client, base, form, parsed, refused);
        }
    }

    @POST
    @Path("/{id: \\d+}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("key") String key, @PathParam("id") long id) {
        requireClient(key);
        boolean ours = saved.list(key).stream().anyMatch(found -> found.id() == id);
        if (!ours || !saved.delete(id)) {
            throw ProblemException.notFound("what-if", id);
        }
        return Response.seeOther(UriBuilder.fromPath("/clients/{key}/what-if").build(key)).build();
    }

    private Response refused(ClientResponse client, ContractResponse base, WhatIfForm form, WhatIfForm.Parsed parsed,
            ProblemException refused) {
        if (refused.status() != 400 && refused.status() != 409) {
            throw refused;
        }
        FormErrors errors = FormErrors.none();
        WhatIfForm.addViolations(errors, refused.violations(), parsed.tierRows());
        // a conflict (a taken name, no room left) says why in words; a 400 speaks beside each field
        return refused(client, base, form, errors, refused.status() == 409 ? refused.getMessage() : null,
                refused.status());
    }

    private Response refused(ClientResponse client, ContractResponse base, WhatIfForm form, FormErrors errors,
            String problem) {
        return refused(client, base, form, errors, problem, 400);
    }

    private Response refused(ClientResponse client, ContractResponse base, WhatIfForm form, FormErrors errors,
            String problem, int status) {
        return Response.status(status).entity(Templates.whatIf(new WhatIfPage(client, base, form, errors, problem,
                null, null, saved.list(client.key()), null))).type(MediaType.TEXT_HTML_TYPE).build();
    }

    private ClientResponse requireClient(String key) {
        return clients.find(key).orElseThrow(() -> ProblemException.notFound("client", key));
    }

    /** The version in force today in the client's zone, else the newest; null for a client without any. */
    private ContractResponse base(ClientResponse client) {
        List<ContractResponse> versions = contracts.list(client.key());
        LocalDate today = LocalDate.now(ZoneId.of(client.timeZone()));
        return versions.stream().filter(version -> version.inForceOn(today)).findFirst()
                .orElseGet(() -> versions.stream().max(Comparator.comparing(ContractResponse::effectiveFrom))
                        .orElse(null));
    }
}
