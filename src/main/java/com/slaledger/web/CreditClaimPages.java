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
import com.slaledger.platform.Violations;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Finance's claims desk: credits filtered by state, month and currency, claimed ones approved in bulk with
 * checkboxes, each credit's own page with its actions (claim, approve, reject with a reason, issue with a credit
 * note, resolve a review flag) and its audit history, the billing export, and a sync of a month on demand.
 * Account managers read their own clients' credits here without the actions; sre has no access.
 *
 * <p>After an action the page redirects with a code ({@code ?done=approved&count=3}) that it turns into its own
 * sentence ({@link Notices}), never with text: a link anyone can mail must not make this page say what they like.
 * An action that did nothing shows the page again with the reason and its 4xx status. Approving sends the amount
 * the page showed, so a credit re-measured meanwhile is not approved unseen (docs/credit-claims.md).
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

    /**
     * One measurement of a credit's month written for people: availability floored to 3 decimals (and exact),
     * downtime as a duration (and in exact seconds), the credit percent and the amount. A figure not kept is a dash.
     */
    public record Figures(String availability, String availabilityExact, String downtime, String downtimeSeconds,
            String creditPercent, String amount) {

        static Figures of(String availabilityPercent, BigDecimal downtimeSeconds, BigDecimal creditPercent,
                String amount, String currency) {
            return new Figures(availabilityPercent == null ? Formats.NONE
                    : Formats.availability(new BigDecimal(availabilityPercent)),
                    availabilityPercent,
                    Formats.duration(downtimeSeconds),
                    downtimeSeconds == null ? null : downtimeSeconds.toPlainString(),
                    Formats.percent(creditPercent), money(amount, currency));
        }
    }

    /**
     * A credit with its money and instants written for people. {@code figures} are the credit's own;
     * {@code previous} and {@code recomputed} those of its review as credited and as re-measured (null without
     * a review).
     */
    public record Line(CreditResponse credit, String amount, String deadline, String claimedAt, Figures figures,
            Figures previous, Figures recomputed) {

        static Line of(CreditResponse credit) {
            String zone = credit.clientTimeZone();
            CreditResponse.Review review = credit.review();
            return new Line(credit, money(credit.amount(), credit.currency()),
                    credit.claimDeadline() == null ? null : Formats.inZone(credit.claimDeadline(), zone),
                    credit.claimedAt() == null ? null : Formats.inZone(credit.claimedAt(), zone),
                    Figures.of(credit.availabilityPercent(), credit.downtimeSeconds(), credit.creditPercent(),
                            credit.amount(), credit.currency()),
                    review == null ? null : Figures.of(review.previousAvailabilityPercent(),
                            review.previousDowntimeSeconds(), review.previousCreditPercent(),
                            review.previousAmount(), credit.currency()),
                    review == null ? null : Figures.of(review.recomputedAvailabilityPercent(),
                            review.recomputedDowntimeSeconds(), review.recomputedCreditPercent(),
                            review.recomputedAmount(), credit.currency()));
        }

        public boolean approvable() {
            return credit.state() == CreditState.CLAIMED;
        }

        public boolean flagged() {
            return credit.review() != null && credit.review().flagged();
        }

        /**
         * What the bulk approval sends back as seen: {@code id:amount:currency}, read by
         * {@link CreditClaimPages#approveSelected}.
         */
        public String seen() {
            return credit.id() + ":" + credit.amount() + ":" + credit.currency();
        }
    }

    /** The filters as typed (blank: any), for the form and the links. */
    public record Filters(String state, String month, String currency, String review) {

        static final Filters NONE = new Filters("", "", "", "");

        /**
         * These filters without each one {@code problems} names (blank instead): what links and hidden fields may
         * carry, so a value the page refused never travels on.
         */
        Filters valid(List<FieldViolation> problems) {
            return new Filters(keep("state", state, problems), keep("month", month, problems),
                    keep("currency", currency, problems), keep("review", review, problems));
        }

        /**
         * These filters for the form's boxes: each refused one cut to a sanitised excerpt of
         * {@link InputLimits#MAX_ECHOED_CHARS} characters ({@link InputLimits#echo}), so an address of any length
         * is never copied back whole.
         */
        Filters typed(List<FieldViolation> problems) {
            return new Filters(excerpt("state", state, problems), excerpt("month", month, problems),
                    excerpt("currency", currency, problems), excerpt("review", review, problems));
        }

        private static String keep(String field, String value, List<FieldViolation> problems) {
            return refused(field, problems) ? "" : value;
        }

        private static String excerpt(String field, String value, List<FieldViolation> problems) {
            return refused(field, problems) ? InputLimits.echo(value) : value;
        }

        private static boolean refused(String field, List<FieldViolation> problems) {
            return problems.stream().anyMatch(problem -> problem.field().equals(field));
        }

        /** {@code ?state=…&month=…} with each value encoded, or empty without filters. */
        public String query() {
            StringBuilder query = new StringBuilder();
            for (String[] pair : new String[][] {{"state", state}, {"month", month}, {"currency", currency},
                    {"review", review}}) {
                if (!pair[1].isEmpty()) {
                    query.append(query.isEmpty() ? '?' : '&').append(pair[0]).append('=')
                            .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
                }
            }
            return query.toString();
        }

        public boolean any() {
            return !(state.isEmpty() && month.isEmpty() && currency.isEmpty() && review.isEmpty());
        }
    }

    /**
     * The list. {@code filters} are those the page accepted (for links and hidden fields), {@code typed} those for
     * the form's boxes, a refused one cut to an excerpt; {@code notice} is a sentence of this page's own (see
     * {@link Notices}); {@code refusal} says why the last action did nothing, when the page is shown again in
     * answer to it.
     */
    public record ListPage(Filters filters, Filters typed, List<FieldViolation> problems, List<Line> lines,
            long total, int page, int pages, boolean works, String notice, String refusal, List<String> states,
            String lastClosedMonth) {

        public boolean anyApprovable() {
            return lines.stream().anyMatch(Line::approvable);
        }

        /** The export of the accepted month and currency filters, each encoded. */
        public String exportHref() {
            return "/credits/claims/export" + new Filters("", filters.month(), filters.currency(), "").query();
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

    /**
     * The sentences a redirect after a post may ask the pages to show. The redirect carries a code and at most a
     * number that is bounded by what is possible, never text: a link anyone can mail must not make our page say
     * what they like. An unknown code, or a number out of its bounds, shows no notice.
     *
     * <ul>
     *   <li>{@code done=approved&count=N}: N credits approved, 1 to {@link CreditRequests#MAX_BULK} (one bulk
     *       approval approves at most that many).</li>
     *   <li>{@code done=synced}: "Credits synced for YYYY-MM." of the month the list is filtered to (a month the
     *       sync form accepts, from 1900-01), only one that has begun somewhere on Earth: a later month cannot have
     *       been measured. A sync's counts are not carried: no bound on them would make a mailed link's numbers
     *       true, and the list below shows the month's credits themselves.</li>
     * </ul>
     */
    static final class Notices {

        private static final Map<String, String> DETAIL = Map.of(
                "claimed", "Claim recorded.",
                "approved", "Approved.",
                "rejected", "Rejected.",
                "issued", "Issued.",
                "review-resolved", "Review resolved.");

        private Notices() {
        }

        /** The credit page's sentence for {@code done}, or null. */
        static String detail(String done) {
            return done == null ? null : DETAIL.get(done);
        }

        /**
         * The list's sentence for {@code done} in {@code query}, with the month the list is filtered to and the
         * latest month that has begun ({@link PageMonths#latestStarted}), or null.
         */
        static String list(MultivaluedMap<String, String> query, Optional<String> month, YearMonth latestStarted) {
            String done = query.getFirst("done");
            if ("approved".equals(done)) {
                String count = query.getFirst("count");
                if (count == null || !count.matches("[0-9]{1,3}")) {
                    return null;
                }
                int approved = Integer.parseInt(count);
                return approved < 1 || approved > CreditRequests.MAX_BULK ? null
                        : approved + (approved == 1 ? " credit" : " credits") + " approved.";
            }
            if ("synced".equals(done) && month.isPresent()) {
                YearMonth synced = YearMonth.parse(month.get());
                return synced.isAfter(latestStarted) ? null : "Credits synced for " + synced + ".";
            }
            return null;
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("state") String state, @QueryParam("month") String month,
            @QueryParam("currency") String currency, @QueryParam("review") String review,
            @QueryParam("page") String page, @Context UriInfo uri) {
        return listPage(state, month, currency, review, page, uri.getQueryParameters(), null, 200);
    }

    /**
     * The list as filtered, with the notice the query asks for or, shown again after an action that did nothing,
     * the reason ({@code refusal}) and that action's {@code status}.
     */
    private Response listPage(String state, String month, String currency, String review, String page,
            MultivaluedMap<String, String> query, String refusal, int status) {
        Filters asked = new Filters(text(state), text(month), text(currency), text(review));
        List<FieldViolation> problems = new ArrayList<>();
        CreditRepository.Filter filter = CreditFilters.parse(state, month, currency, null, review, problems);
        int pageNumber = InputLimits.wholeNumber("page", page, 1, 1, InputLimits.MAX_PAGE_NUMBER, problems);
        CreditService.CreditPage found = problems.isEmpty() ? credits.list(filter, pageNumber - 1, PAGE_SIZE)
                : new CreditService.CreditPage(List.of(), 0, PAGE_SIZE, 0);
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        String notice = refusal != null || query == null ? null
                : Notices.list(query, Optional.ofNullable(filter.month()), PageMonths.latestStarted(Instant.now()));
        ListPage view = new ListPage(asked.valid(problems), asked.typed(problems), problems,
                found.items().stream().map(Line::of).toList(), found.total(), pageNumber, pages, works(), notice,
                refusal, Arrays.stream(CreditState.values())
                .map(CreditState::value).toList(), PageMonths.lastClosed(Instant.now()).toString());
        return Response.status(problems.isEmpty() ? status : 400).entity(Templates.list(view))
                .type(MediaType.TEXT_HTML_TYPE).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("done") String done) {
        return Templates.detail(detailPage(id, Notices.detail(done), null));
    }

    /** The billing export of the list's month and currency (see {@link CreditCsv}). */
    @GET
    @Path("/export")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response export(@QueryParam("month") String month, @QueryParam("currency") String currency) {
        return CreditResource.exportCsv(credits, month, currency);
    }

    /**
     * Approves the ticked credits, all or none, each only at the amount its row showed: the page sends
     * {@code seen} = {@code id:amount:currency} for every row it offers. Back to the list as it was filtered,
     * saying how many were approved; when none was, the list is shown again with the reason (and the status:
     * 400, or 409 with each credit that stops it, such as one whose amount changed since).
     */
    @POST
    @Path("/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response approveSelected(@RestForm List<String> ids, @RestForm List<String> seen,
            @RestForm String state, @RestForm String month, @RestForm String currency, @RestForm String review) {
        // back to the filtered list it came from, with filters that read as filters (anything else is dropped)
        Filters filters = validFilters(state, month, currency, review)
                ? new Filters(text(state), text(month), text(currency), text(review)) : Filters.NONE;
        List<Long> selected = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            try {
                selected.add(Long.parseLong(id.strip()));
            } catch (NumberFormatException e) {
                // a checkbox value is always a number; anything else was not sent by the page
            }
        }
        if (selected.isEmpty()) {
            return listAgain(filters, "Select at least one claimed credit to approve.", 400);
        }
        if (selected.size() > CreditRequests.MAX_BULK) {
            // all or none, as the API: approving the first 500 and dropping the rest would say less than it did
            return listAgain(filters, "Nothing approved: select at most " + CreditRequests.MAX_BULK
                    + " credits at a time (" + selected.size() + " were selected).", 400);
        }
        Map<Long, String[]> shown = new HashMap<>();
        for (String entry : seen == null ? List.<String>of() : seen) {
            String[] parts = entry.split(":", -1);
            if (parts.length == 3 && parts[0].matches("[0-9]{1,18}")) {
                shown.put(Long.parseLong(parts[0]), new String[] {parts[1], parts[2]});
            }
        }
        List<String> amounts = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        for (Long id : selected) {
            String[] amount = shown.get(id);
            if (amount == null) {
                return listAgain(filters, "Nothing approved: the page did not say which amount credit " + id
                        + " showed; load the list again and approve from it.", 400);
            }
            amounts.add(amount[0]);
            currencies.add(amount[1]);
        }
        try {
            int approved = credits.approveAll(new CreditRequests.BulkApprove(selected, amounts, currencies)).size();
            String query = filters.query();
            return seeOther("/credits/claims" + query + (query.isEmpty() ? "?" : "&") + "done=approved&count="
                    + approved);
        } catch (ProblemException refused) {
            return listAgain(filters, "Nothing approved: " + (refused.violations().isEmpty() ? refused.getMessage()
                    : refused.violations().stream().map(FieldViolation::message).distinct()
                    .collect(Collectors.joining("; ")))
                    + ".", refused.status());
        }
    }

    private static boolean validFilters(String state, String month, String currency, String review) {
        List<FieldViolation> bad = new ArrayList<>();
        CreditFilters.parse(state, month, currency, null, review, bad);
        return bad.isEmpty();
    }

    private Response listAgain(Filters filters, String refusal, int status) {
        return listPage(filters.state(), filters.month(), filters.currency(), filters.review(), null, null, refusal,
                status);
    }

    @POST
    @Path("/sync")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response sync(@RestForm String month) {
        Optional<YearMonth> wanted = InputLimits.month(month);
        if (wanted.isEmpty()) {
            return listAgain(Filters.NONE, "Give a month such as 2024-01 to sync.", 400);
        }
        credits.sync(wanted.get(), Instant.now());
        return seeOther("/credits/claims?month=" + wanted.get() + "&done=synced");
    }

    @POST
    @Path("/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response claim(@PathParam("id") long id, @RestForm String claimedAt, @RestForm String reference) {
        Instant now = Instant.now();
        return act(id, "claimed", () -> credits.claim(id, new CreditRequests.Claim(
                optional("claimedAt", claimedAt, InputLimits::instant, InputLimits.instantRange()), reference), now));
    }

    /**
     * Approves the credit at the amount and currency its page showed (hidden fields the page always sends; a form
     * without them is refused, 400): a credit re-measured since is not approved, and its page is shown again
     * (409) with the amount it has now.
     */
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response approve(@PathParam("id") long id, @RestForm String expectedAmount,
            @RestForm String expectedCurrency) {
        return act(id, "approved", () -> {
            Violations missing = new Violations();
            if (expectedAmount == null || expectedAmount.isBlank()) {
                missing.add("expectedAmount", "is required: the amount the page showed; load the page again");
            }
            if (expectedCurrency == null || expectedCurrency.isBlank()) {
                missing.add("expectedCurrency", "is required: the currency the page showed; load the page again");
            }
            missing.throwIfAny();
            credits.approve(id, new CreditRequests.Approve(expectedAmount, expectedCurrency));
        });
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response reject(@PathParam("id") long id, @RestForm String reason) {
        return act(id, "rejected", () -> credits.reject(id, new CreditRequests.Reject(reason)));
    }

    @POST
    @Path("/{id}/issue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response issue(@PathParam("id") long id, @RestForm String creditNoteNumber, @RestForm String issuedOn) {
        return act(id, "issued", () -> credits.issue(id, new CreditRequests.Issue(creditNoteNumber,
                optional("issuedOn", issuedOn, InputLimits::date, InputLimits.dateRange())), Instant.now()));
    }

    @POST
    @Path("/{id}/resolve-review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.FINANCE, Role.ADMIN})
    public Response resolveReview(@PathParam("id") long id, @RestForm String note) {
        return act(id, "review-resolved", () -> credits.resolveReview(id,
                new CreditRequests.ResolveReview(note)));
    }

    /** Runs the transition; back to the credit saying {@code done} (a {@link Notices} code), or its page again. */
    private Response act(long id, String done, Runnable transition) {
        try {
            transition.run();
        } catch (ProblemException refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            return refused(id, refused);
        }
        return seeOther("/credits/claims/" + id + "?done=" + done);
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

    private boolean works() {
        return identity.hasRole(Role.FINANCE) || identity.hasRole(Role.ADMIN);
    }

    /** A redirect to {@code path}, whose query this class wrote from codes, numbers and encoded filters. */
    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    static String money(String amount, String currency) {
        return amount == null ? Formats.NONE : Formats.money(new BigDecimal(amount), currency);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
