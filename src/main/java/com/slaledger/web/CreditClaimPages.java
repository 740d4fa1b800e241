package com.slaledger.web;

import com.slaledger.audit.AuditTrail;
import com.slaledger.credit.CreditCsv;
import com.slaledger.credit.CreditFilters;
import com.slaledger.credit.CreditRepository;
import com.slaledger.credit.CreditRequests;
import com.slaledger.credit.CreditResource;
import com.slaledger.credit.CreditResponse;
import com.slaledger.credit.CreditService;
import com.slaledger.credit.CreditState;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.report.Csv;
import com.slaledger.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Finance's claims desk: credits filtered by state, month and currency, claimed ones approved in bulk with
 * checkboxes, each credit's own page with its actions (claim, approve, reject with a reason, issue with a credit
 * note, resolve a review flag) and its audit history, the billing export, and a sync of a month on demand.
 * Account managers read their own clients' credits here without the actions; sre has no access.
 */
@Path("/credits/claims")
@RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
public class CreditClaimPages {

    static final int PAGE_SIZE = 50;

    private final CreditService credits;
    private final SecurityIdentity identity;

    public CreditClaimPages(CreditService credits, SecurityIdentity identity) {
        this.credits = credits;
        this.identity = identity;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ListPage page);

        static native TemplateInstance detail(DetailPage page);
    }

    /** A credit with its money and instants written for people. */
    public record Line(CreditResponse credit, String amount, String deadline, String claimedAt, String previous,
            String recomputed, String availability) {

        static Line of(CreditResponse credit) {
            String zone = credit.clientTimeZone();
            return new Line(credit, money(credit.amount(), credit.currency()),
                    credit.claimDeadline() == null ? null : Formats.inZone(credit.claimDeadline(), zone),
                    credit.claimedAt() == null ? null : Formats.inZone(credit.claimedAt(), zone),
                    credit.review() == null ? null : money(credit.review().previousAmount(), credit.currency()),
                    credit.review() == null ? null : money(credit.review().recomputedAmount(), credit.currency()),
                    Formats.availability(new BigDecimal(credit.availabilityPercent())));
        }

        public boolean approvable() {
            return credit.state() == CreditState.CLAIMED;
        }

        public boolean flagged() {
            return credit.review() != null && credit.review().flagged();
        }
    }

    /** The filters as typed (blank: any), for the form and the links. */
    public record Filters(String state, String month, String currency, String review) {

        public String query() {
            UriBuilder uri = UriBuilder.fromPath("");
            if (!state.isEmpty()) {
                uri.queryParam("state", state);
            }
            if (!month.isEmpty()) {
                uri.queryParam("month", month);
            }
            if (!currency.isEmpty()) {
                uri.queryParam("currency", currency);
            }
            if (!review.isEmpty()) {
                uri.queryParam("review", review);
            }
            return uri.build().toString();
        }

        public boolean any() {
            return !(state.isEmpty() && month.isEmpty() && currency.isEmpty() && review.isEmpty());
        }
    }

    public record ListPage(Filters filters, List<FieldViolation> problems, List<Line> lines, long total, int page,
            int pages, boolean works, String notice, List<String> states, String lastClosedMonth) {

        public boolean anyApprovable() {
            return lines.stream().anyMatch(Line::approvable);
        }

        public String exportHref() {
            String query = "";
            if (!filters.month().isEmpty()) {
                query += "month=" + filters.month();
            }
            if (!filters.currency().isEmpty()) {
                query += (query.isEmpty() ? "" : "&") + "currency=" + filters.currency();
            }
            return "/credits/claims/export" + (query.isEmpty() ? "" : "?" + query);
        }
    }

    public record DetailPage(Line line, List<AuditTrail.AuditEntry> history, boolean works, String notice,
            String problem, List<FieldViolation> violations, String claimedAtDefault) {

        public boolean may(String action) {
            CreditState state = line.credit().state();
            return works && switch (action) {
                case "claim" -> state == CreditState.OWED || state == CreditState.EXPIRED;
                case "approve", "reject" -> state == CreditState.CLAIMED;
                case "issue" -> state == CreditState.APPROVED && !line.flagged();
                case "resolve" -> line.flagged();
                default -> false;
            };
        }

        public String fieldProblem(String field) {
            return violations.stream().filter(v -> v.field().equals(field)).map(FieldViolation::message)
                    .findFirst().orElse(null);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("state") String state, @QueryParam("month") String month,
            @QueryParam("currency") String currency, @QueryParam("review") String review,
            @QueryParam("page") String page, @QueryParam("notice") String notice) {
        Filters filters = new Filters(text(state), text(month), text(currency), text(review));
        List<FieldViolation> problems = new ArrayList<>();
        CreditRepository.Filter filter = CreditFilters.parse(state, month, currency, null, review, problems);
        int pageNumber = InputLimits.wholeNumber("page", page, 1, 1, InputLimits.MAX_PAGE_NUMBER, problems);
        CreditService.CreditPage found = problems.isEmpty() ? credits.list(filter, pageNumber - 1, PAGE_SIZE)
                : new CreditService.CreditPage(List.of(), 0, PAGE_SIZE, 0);
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        ListPage view = new ListPage(filters, problems, found.items().stream().map(Line::of).toList(), found.total(),
                pageNumber, pages, works(), notice(notice), Arrays.stream(CreditState.values()).map(CreditState::value)
                .toList(), PageMonths.lastClosed(Instant.now()).toString());
        return Response.status(problems.isEmpty() ? 200 : 400).entity(Templates.list(view))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("notice") String notice) {
        return Templates.detail(detailPage(id, notice(notice), null));
    }

    /** The billing export of the list's month and currency (see {@link CreditCsv}). */
    @GET
    @Path("/export")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response export(@QueryParam("month") String month, @QueryParam("currency") String currency) {
        return CreditResource.exportCsv(credits, month, currency);
    }

    @POST
    @Path("/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response approveSelected(@RestForm List<String> ids, @RestForm String back) {
        List<Long> selected = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            try {
                selected.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                // a checkbox value is always a number; anything else was not sent by the page
            }
        }
        // back to the filtered list it came from: only a plain, encoded query string
        String target = back != null && back.length() < 300 && back.matches("\\?[A-Za-z0-9=&%._-]*") ? back : "";
        if (selected.isEmpty()) {
            return seeOther("/credits/claims" + target, "Select at least one claimed credit to approve.");
        }
        if (selected.size() > CreditRequests.MAX_BULK) {
            // all or none, as the API: approving the first 500 and dropping the rest would say less than it did
            return seeOther("/credits/claims" + target, "Nothing approved: select at most "
                    + CreditRequests.MAX_BULK + " credits at a time (" + selected.size() + " were selected).");
        }
        String notice;
        try {
            int approved = credits.approveAll(new CreditRequests.BulkApprove(selected)).size();
            notice = approved + (approved == 1 ? " credit" : " credits") + " approved.";
        } catch (ProblemException refused) {
            notice = "Nothing approved: " + (refused.violations().isEmpty() ? refused.getMessage()
                    : refused.violations().stream().map(FieldViolation::message).collect(Collectors.joining("; ")))
                    + ".";
        }
        return seeOther("/credits/claims" + target, notice);
    }

    @POST
    @Path("/sync")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response sync(@RestForm String month) {
        Optional<YearMonth> wanted = InputLimits.month(month);
        if (wanted.isEmpty()) {
            return seeOther("/credits/claims", "Give a month such as 2024-01 to sync.");
        }
        CreditService.SyncResult result = credits.sync(wanted.get(), Instant.now());
        return seeOther("/credits/claims?month=" + wanted.get(), "Synced " + wanted.get() + ": "
                + result.created() + " created, " + result.recomputed() + " recomputed, " + result.flagged()
                + " flagged for review, " + result.expired() + " expired.");
    }

    @POST
    @Path("/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response claim(@PathParam("id") long id, @RestForm String claimedAt, @RestForm String reference) {
        Instant now = Instant.now();
        return act(id, "Claim recorded.", () -> credits.claim(id, new CreditRequests.Claim(
                optional("claimedAt", claimedAt, InputLimits::instant, InputLimits.instantRange()), reference), now));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response approve(@PathParam("id") long id, @RestForm String unused) {
        return act(id, "Approved.", () -> credits.approve(id));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response reject(@PathParam("id") long id, @RestForm String reason) {
        return act(id, "Rejected.", () -> credits.reject(id, new CreditRequests.Reject(reason)));
    }

    @POST
    @Path("/{id}/issue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response issue(@PathParam("id") long id, @RestForm String creditNoteNumber, @RestForm String issuedOn) {
        return act(id, "Issued.", () -> credits.issue(id, new CreditRequests.Issue(creditNoteNumber,
                optional("issuedOn", issuedOn, InputLimits::date, InputLimits.dateRange())), Instant.now()));
    }

    @POST
    @Path("/{id}/resolve-review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response resolveReview(@PathParam("id") long id, @RestForm String note) {
        return act(id, "Review resolved.", () -> credits.resolveReview(id, new CreditRequests.ResolveReview(note)));
    }

    private Response act(long id, String done, Runnable transition) {
        try {
            transition.run();
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return refused(id, refused);
        }
        return seeOther("/credits/claims/" + id, done);
    }

    /** A form field that may be left blank (null), else must read as {@code expected}; a 400 problem otherwise. */
    private static <T> T optional(String field, String value, Function<String, Optional<T>> parser,
            String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return parser.apply(value).orElseThrow(() -> ProblemException.badParameter(field, "must be " + expected));
    }

    private Response refused(long id, ProblemException refused) {
        return Response.status(refused.status())
                .entity(Templates.detail(detailPage(id, null, refused)))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    private DetailPage detailPage(long id, String notice, ProblemException refused) {
        CreditResponse credit = credits.find(id).orElseThrow(() -> ProblemException.notFound("credit", id));
        return new DetailPage(Line.of(credit), credits.history(id), works(), notice,
                refused == null ? null : refused.getMessage(), refused == null ? List.of() : refused.violations(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The notice a redirect carries, as shown: at most 500 characters, no control characters (Qute escapes it). */
    private static String notice(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cut = text.length() > 500 ? text.substring(0, 500) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", " ");
    }

    private boolean works() {
        return identity.hasRole(Role.FINANCE) || identity.hasRole(Role.ADMIN);
    }

    /** A redirect to {@code path} (with its query, already encoded) plus a notice, encoded here. */
    private static Response seeOther(String path, String notice) {
        String separator = path.contains("?") ? "&" : "?";
        return Response.seeOther(URI.create(path + separator + "notice="
                + URLEncoder.encode(notice, StandardCharsets.UTF_8))).build();
    }

    static String money(String amount, String currency) {
        return amount == null ? Formats.NONE : Formats.money(new BigDecimal(amount), currency);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
