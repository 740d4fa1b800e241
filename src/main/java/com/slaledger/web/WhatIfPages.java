package com.slaledger.web;

import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.ContractService;
import com.slaledger.contract.ImpactModel;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.Violations;
import com.slaledger.report.WhatIfReport;
import com.slaledger.security.Role;
import com.slaledger.whatif.SaveWhatIfRequest;
import com.slaledger.whatif.SavedWhatIfResponse;
import com.slaledger.whatif.SavedWhatIfService;
import com.slaledger.whatif.WhatIfRequests;
import com.slaledger.whatif.WhatIfRules;
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
 * the version in force today; the terms typed differently become the proposal ({@link WhatIfForm}). A sent
 * form is checked in one pass: every mistake shows beside its field at once. The answer shows both sides
 * month by month (each figure leading to the client's month or its incidents), the credit per currency with
 * the difference and a chart; a what-if may be saved under a name, and the saved ones are listed to open
 * (worked out again, with their history of changes), change or delete. Who may: as for the SLA reports,
 * account managers for their own clients only (another's is a 404).
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
    private final WhatIfRules rules;
    private final SecurityIdentity identity;

    public WhatIfPages(ClientService clients, ContractService contracts, WhatIfRequests whatIf,
            SavedWhatIfService saved, WhatIfRules rules, SecurityIdentity identity) {
        this.clients = clients;
        this.contracts = contracts;
        this.whatIf = whatIf;
        this.saved = saved;
        this.rules = rules;
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance whatIf(WhatIfPage page);
    }

    /**
     * @param base           the version the form started from (in force today, else the newest); null without any
     * @param report         the answer; null before the form is sent or when it was refused
     * @param opened         the saved what-if shown, if one was opened
     * @param history        the opened what-if's changes, newest first; empty when none is opened
     * @param problem        a refusal that belongs to no field
     * @param readsIncidents whether the caller may open the incident pages (finance may not): only then does
     *                       downtime lead to the incidents behind it, else to the client's month
     */
    public record WhatIfPage(ClientResponse client, ContractResponse base, WhatIfForm form, FormErrors errors,
            String problem, WhatIfReport report, WhatIfChart chart, List<SavedWhatIfResponse> saved,
            SavedWhatIfResponse opened, List<SavedWhatIfService.HistoryEntry> history, boolean readsIncidents) {

        /** The client's month page ({@code YYYY-MM}): the report behind a month's availability and credit. */
        public String monthHref(String month) {
            return "/clients/" + client.key() + "?month=" + month;
        }

        /**
         * The incidents behind a month's downtime, in the incident list (days of the client's zone), or the
         * client's month for a caller who may not open the incident pages.
         */
        public String incidentsHref(String month) {
            return readsIncidents ? ClientPages.HistoryMonth.incidentsHref(client.key(), YearMonth.parse(month))
                    : monthHref(month);
        }

        public List<ImpactModel> impactModels() {
            return List.of(ImpactModel.values());
        }

        public String action() {
            return "/clients/" + client.key() + "/what-if";
        }

        /** One side of a month as the table shows it: {@code name} current or proposed. */
        public record Side(String name, WhatIfReport.Figures figures) {
        }

        /** A month's two sides in the order of the table's columns: the current contract's, then the proposal's. */
        public List<Side> sides(WhatIfReport.Month month) {
            return List.of(new Side("current", month.current()), new Side("proposed", month.proposed()));
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
            SavedWhatIfResponse opened = opened(key, savedId, now);
            WhatIfForm form = WhatIfForm.of(base, opened.proposal(), opened.from(), opened.to(), opened.name());
            return Templates.whatIf(new WhatIfPage(client, base, form, FormErrors.none(), null, opened.report(),
                    WhatIfChart.of(opened.report(), key), saved.list(key), opened, saved.history(opened.id()),
                    readsIncidents()));
        }
        YearMonth current = YearMonth.from(now.atZone(ZoneId.of(client.timeZone())));
        WhatIfForm form = WhatIfForm.of(base, current.minusMonths(DEFAULT_MONTHS).toString(),
                current.minusMonths(1).toString());
        return Templates.whatIf(page(client, base, form, FormErrors.none(), null, null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response evaluate(@PathParam("key") String key, @BeanParam WhatIfForm form) {
        Sent sent = sent(key, form, false);
        if (!sent.errors().isEmpty()) {
            return refused(sent.client(), sent.base(), form, sent.errors(), null, 400, null);
        }
        try {
            WhatIfReport report = whatIf.evaluate(key, form.from, form.to, sent.parsed().proposal(), sent.at());
            return Response.ok(Templates.whatIf(page(sent.client(), sent.base(), form, FormErrors.none(), null, report,
                    null))).build();
        } catch (ProblemException refused) {
            return refused(sent.client(), sent.base(), form, sent.parsed(), refused, null);
        }
    }

    @POST
    @Path("/save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("key") String key, @BeanParam WhatIfForm form) {
        return keep(key, null, form);
    }

    /** The opened what-if changed to the form's name, months and terms (audited); checked as a save is. */
    @POST
    @Path("/{id: \\d+}/update")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("key") String key, @PathParam("id") long id, @BeanParam WhatIfForm form) {
        return keep(key, id, form);
    }

    @POST
    @Path("/{id: \\d+}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("key") String key, @PathParam("id") long id) {
        requireClient(key);
        requireSaved(key, id);
        if (!saved.delete(id)) {
            throw ProblemException.notFound("what-if", id);
        }
        return Response.seeOther(UriBuilder.fromPath("/clients/{key}/what-if").build(key)).build();
    }

    /**
     * A form as sent, read and checked: the client (404 when the caller may not see it), the version the form
     * started from, what the form turned into, every mistake, and when it was sent (the what-if's "now").
     */
    private record Sent(ClientResponse client, ContractResponse base, WhatIfForm.Parsed parsed, FormErrors errors,
            Instant at) {
    }

    /**
     * Every mistake of the form in one pass: what could not be read, and the what-if's rules on the rest (the
     * range, the proposal's own rules, the name when it is {@code named} for saving, and the proposal against
     * the client's versions when the target and tiers could be read), each beside its field.
     */
    private Sent sent(String key, WhatIfForm form, boolean named) {
        ClientResponse client = requireClient(key);
        ContractResponse base = base(client);
        WhatIfForm.Parsed parsed = form.parse(base);
        Instant now = Instant.now();
        FormErrors errors = parsed.errors();
        Violations violations = new Violations();
        whatIf.check(key, form.from, form.to, parsed.proposal(), now, WhatIfForm.targetAndTiersRead(errors),
                violations);
        if (named) {
            rules.name(form.name, violations);
        }
        WhatIfForm.addViolations(errors, violations.list(), parsed.tierRows());
        return new Sent(client, base, parsed, errors, now);
    }

    /**
     * The form kept as a new what-if ({@code id} null) or as the client's what-if {@code id} changed (404 when
     * the client keeps none of that id), then shown opened; refused beside the fields, or in words for a
     * conflict (a taken name, no room left), with the form as typed.
     */
    private Response keep(String key, Long id, WhatIfForm form) {
        SavedWhatIfResponse editing = id == null ? null : requireSaved(key, id);
        Sent sent = sent(key, form, true);
        if (!sent.errors().isEmpty()) {
            return refused(sent.client(), sent.base(), form, sent.errors(), null, 400, editing);
        }
        SaveWhatIfRequest request = new SaveWhatIfRequest(form.name, form.from, form.to, sent.parsed().proposal());
        try {
            long kept = editing == null ? saved.save(key, request, sent.at()).whatIf().id()
                    : saved.update(id, request, sent.at()).orElseThrow(() -> ProblemException.notFound("what-if", id))
                            .id();
            return Response.seeOther(UriBuilder.fromPath("/clients/{key}/what-if").queryParam("saved", kept)
                    .build(key)).build();
        } catch (ProblemException refused) {
            return refused(sent.client(), sent.base(), form, sent.parsed(), refused, editing);
        }
    }

    /** The page of a form sent; {@code editing} the saved what-if it changes, null for a new one. */
    private WhatIfPage page(ClientResponse client, ContractResponse base, WhatIfForm form, FormErrors errors,
            String problem, WhatIfReport report, SavedWhatIfResponse editing) {
        return new WhatIfPage(client, base, form, errors, problem, report,
                report == null ? null : WhatIfChart.of(report, client.key()), saved.list(client.key()), editing,
                editing == null ? List.of() : saved.history(editing.id()), readsIncidents());
    }

    private Response refused(ClientResponse client, ContractResponse base, WhatIfForm form, WhatIfForm.Parsed parsed,
            ProblemException refused, SavedWhatIfResponse editing) {
        if (refused.status() != 400 && refused.status() != 409) {
            throw refused;
        }
        FormErrors errors = FormErrors.none();
        WhatIfForm.addViolations(errors, refused.violations(), parsed.tierRows());
        // a conflict (a taken name, no room left) says why in words; a 400 speaks beside each field
        return refused(client, base, form, errors, refused.status() == 409 ? refused.getMessage() : null,
                refused.status(), editing);
    }

    private Response refused(ClientResponse client, ContractResponse base, WhatIfForm form, FormErrors errors,
            String problem, int status, SavedWhatIfResponse editing) {
        return Response.status(status).entity(Templates.whatIf(page(client, base, form, errors, problem, null,
                editing))).type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** The saved what-if of this client, worked out now; 404 when it is missing or another client's. */
    private SavedWhatIfResponse opened(String key, long id, Instant now) {
        return saved.open(id, now).filter(found -> found.clientKey().equals(key))
                .orElseThrow(() -> ProblemException.notFound("what-if", id));
    }

    /** The client's saved what-if of this id, without figures; 404 when the client keeps none of this id. */
    private SavedWhatIfResponse requireSaved(String key, long id) {
        return saved.list(key).stream().filter(found -> found.id() == id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("what-if", id));
    }

    /** Whether the incident pages open for the caller (finance's do not): only then does downtime link to them. */
    private boolean readsIncidents() {
        return identity.hasRole(Role.ACCOUNT_MANAGER) || identity.hasRole(Role.ADMIN) || identity.hasRole(Role.SRE);
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
