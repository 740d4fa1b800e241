package com.slaledger.credit;

import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.report.Csv;
import com.slaledger.security.Role;
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
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Credits from owed to issued (docs/credit-claims.md). Finance and admin work them; account managers read their
 * own clients' credits; sre has no access. Transitions answer the credit after the change; a transition from a
 * state it does not start from is a 409 problem naming the current state.
 */
@Path("/api/credits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Credits")
@RolesAllowed({Role.FINANCE, Role.ADMIN})
public class CreditResource {

    private final CreditService credits;

    public CreditResource(CreditService credits) {
        this.credits = credits;
    }

    @GET
    @RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    @Operation(summary = "List credits, filtered and paged",
            description = "state: owed, claimed, approved, rejected, issued or expired; month: YYYY-MM; currency: ISO"
                    + " 4217; client: a client key; review=true: flagged for review. Newest month first, then by"
                    + " client. size at most 500.")
    public CreditService.CreditPage list(@QueryParam("state") String state, @QueryParam("month") String month,
            @QueryParam("currency") String currency, @QueryParam("client") String client,
            @QueryParam("review") String review, @QueryParam("page") String page, @QueryParam("size") String size) {
        List<FieldViolation> bad = new ArrayList<>();
        CreditRepository.Filter filter = CreditFilters.parse(state, month, currency, client, review, bad);
        int pageNumber = InputLimits.wholeNumber("page", page, 0, 0, InputLimits.MAX_PAGE_NUMBER, bad);
        int pageSize = InputLimits.wholeNumber("size", size, 50, 1, CreditService.MAX_PAGE_SIZE, bad);
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        return credits.list(filter, pageNumber, pageSize);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public CreditResponse get(@PathParam("id") long id) {
        return credits.find(id).orElseThrow(() -> ProblemException.notFound("credit", id));
    }

    @GET
    @Path("/export")
    @Produces(Csv.MEDIA_TYPE)
    @Operation(summary = "Approved credits as CSV for the billing system (optionally one month and currency)")
    public Response export(@QueryParam("month") String month, @QueryParam("currency") String currency) {
        return exportCsv(credits, month, currency);
    }

    /**
     * The billing CSV of the approved credits of {@code month} and {@code currency} (either blank: any), as a
     * download; 400 naming a bad parameter. The claims page serves the same file.
     */
    public static Response exportCsv(CreditService credits, String month, String currency) {
        List<FieldViolation> bad = new ArrayList<>();
        CreditRepository.Filter filter = CreditFilters.parse(null, month, currency, null, null, bad);
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        String csv = CreditCsv.of(credits.approvedForExport(filter.month(), filter.currency()));
        String name = "approved-credits" + (filter.month() == null ? "" : "-" + filter.month())
                + (filter.currency() == null ? "" : "-" + filter.currency()) + ".csv";
        return Response.ok(csv, Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @POST
    @Path("/sync")
    @Operation(summary = "Measure a closed month and bring its credits in line (new breaches, changed figures,"
            + " review flags, expiries); asOf defaults to now and may not be in the future")
    public CreditService.SyncResult sync(CreditRequests.Sync request) {
        Instant now = Instant.now();
        List<FieldViolation> bad = new ArrayList<>();
        YearMonth month = null;
        if (request == null || request.month() == null || request.month().isBlank()) {
            bad.add(new FieldViolation("month", "is required: " + InputLimits.monthRange()));
        } else {
            month = InputLimits.month(request.month()).orElse(null);
            if (month == null) {
                bad.add(new FieldViolation("month", "must be " + InputLimits.monthRange()));
            }
        }
        Instant asOf = request == null || request.asOf() == null ? now : request.asOf();
        if (asOf.isAfter(now)) {
            bad.add(new FieldViolation("asOf", "must not be in the future (now is " + now + ")"));
        } else if (!InputLimits.inRange(asOf)) {
            bad.add(new FieldViolation("asOf", "must be " + InputLimits.instantRange()));
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(bad);
        }
        return credits.sync(month, asOf);
    }

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Record the client's claim (owed, or expired when the claim was in time)")
    public CreditResponse claim(@PathParam("id") long id, CreditRequests.Claim request) {
        Instant now = Instant.now();
        if (request != null && request.claimedAt() != null && !InputLimits.inRange(request.claimedAt())) {
            throw ProblemException.badParameter("claimedAt", "must be " + InputLimits.instantRange());
        }
        return credits.claim(id, request, now);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve a claimed credit, optionally only at the amount the approver saw",
            description = "Body optional. {\"expectedAmount\":\"1200.00\",\"expectedCurrency\":\"EUR\"}: the"
                    + " amount (compared by value; at most 15 digits before the point and 4 after) and currency the"
                    + " approver saw. When a sync re-measured the month meanwhile and the credit's amount or currency"
                    + " is no longer that, 409 problem naming expectedAmount (or expectedCurrency) with the amount now,"
                    + " and nothing changes. Without them the credit is approved at whatever it is now.")
    public CreditResponse approve(@PathParam("id") long id, CreditRequests.Approve request) {
        return credits.approve(id, request);
    }

    @POST
    @Path("/approve")
    @Operation(summary = "Approve many claimed credits, all or none",
            description = "{\"ids\":[7,9],\"expectedAmounts\":[\"1200.00\",null],\"expectedCurrencies\":"
                    + "[\"EUR\",null]}: the expectation lists are optional; when given they hold one entry per id"
                    + " (null: nothing to check for that id). A credit that cannot be approved, or whose amount or"
                    + " currency is no longer the one expected, is a 409 naming ids[i], expectedAmounts[i] or"
                    + " expectedCurrencies[i], and none is approved.")
    public List<CreditResponse> approveAll(CreditRequests.BulkApprove request) {
        return credits.approveAll(request);
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Reject a claimed credit, with a reason")
    public CreditResponse reject(@PathParam("id") long id, CreditRequests.Reject request) {
        return credits.reject(id, request);
    }

    @POST
    @Path("/{id}/issue")
    @Operation(summary = "Issue an approved credit with its credit note number and date")
    public CreditResponse issue(@PathParam("id") long id, CreditRequests.Issue request) {
        checkDate(request == null ? null : request.issuedOn(), "issuedOn");
        return credits.issue(id, request, Instant.now());
    }

    @POST
    @Path("/issue")
    @Operation(summary = "Issue many approved credits (the billing export's rows with their credit notes), all or"
            + " none")
    public List<CreditResponse> issueAll(CreditRequests.BulkIssue request) {
        if (request != null && request.credits() != null) {
            for (int i = 0; i < request.credits().size(); i++) {
                CreditRequests.BulkIssueItem item = request.credits().get(i);
                checkDate(item == null ? null : item.issuedOn(), "credits[" + i + "].issuedOn");
            }
        }
        return credits.issueAll(request, Instant.now());
    }

    @POST
    @Path("/{id}/resolve-review")
    @Operation(summary = "Resolve a review flag with a note; a credit not yet issued takes the recomputed amount")
    public CreditResponse resolveReview(@PathParam("id") long id, CreditRequests.ResolveReview request) {
        return credits.resolveReview(id, request);
    }

    private static void checkDate(java.time.LocalDate date, String field) {
        if (date != null && !InputLimits.inRange(date)) {
            throw ProblemException.badParameter(field, "must be " + InputLimits.dateRange());
        }
    }
}
