package com.slaledger.credit;

import com.slaledger.audit.AuditTrail;
import com.slaledger.client.Client;
import com.slaledger.client.ClientService;
import com.slaledger.contract.ClaimRule;
import com.slaledger.contract.ContractResponse;
import com.slaledger.contract.ContractService;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.Violations;
import com.slaledger.report.FleetSlaReport;
import com.slaledger.report.SlaReportService;
import com.slaledger.security.AccessScope;
import com.slaledger.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Credits: the sync that turns the month report's breaches into credits, the transitions finance works them
 * through, and the reads. Every change is audited (entity {@value #AUDIT_ENTITY}) with the credit before and
 * after. Rules and their reasons: docs/credit-claims.md.
 *
 * <p>Transitions answer 409 problem JSON naming the current state when the credit is not in a state they start
 * from; repeating a transition that already happened with the same data answers the credit unchanged.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CreditService {

    public static final String AUDIT_ENTITY = "credit";
    /** The claim reference of a credit due without a claim (contracts with the AUTOMATIC rule). */
    public static final String AUTOMATIC_REFERENCE = "automatic";
    /** Largest page of a credit list. */
    public static final int MAX_PAGE_SIZE = 500;
    /** Most rows of one billing export. */
    public static final int MAX_EXPORT = 50_000;
    /** Key of the PostgreSQL advisory lock that lets one sync at a time write credits. */
    private static final long SYNC_LOCK = 0x5c_4ed17L;

    private final CreditRepository credits;
    private final SlaReportService reports;
    private final ContractService contracts;
    private final ClientService clients;
    private final AuditTrail audit;
    private final Validator validator;
    private final AccessScope scope;

    public CreditService(CreditRepository credits, SlaReportService reports, ContractService contracts,
            ClientService clients, AuditTrail audit, Validator validator, AccessScope scope) {
        this.credits = credits;
        this.reports = reports;
        this.contracts = contracts;
        this.clients = clients;
        this.audit = audit;
        this.validator = validator;
        this.scope = scope;
    }

    /** A page of credits, newest month first, then by client key. */
    public record CreditPage(List<CreditResponse> items, int page, int size, long total) {
    }

    /**
     * What a sync did to one month: credits {@code created}, {@code recomputed} (figures updated on a credit not
     * yet issued), {@code flagged} for review (an issued credit whose month changed, or a breach that vanished),
     * {@code expired} (owed past the deadline at {@code asOf}), and the client-months skipped as
     * {@code provisional} (their month is not over at {@code asOf} in their zone).
     */
    public record SyncResult(String month, Instant asOf, int created, int recomputed, int flagged, int expired,
            int unchanged, int provisional) {
    }

    // --- reads ---------------------------------------------------------------------------------------------

    /** Credits matching the filter, narrowed for an account manager to their own clients. */
    public CreditPage list(CreditRepository.Filter filter, int page, int size) {
        CreditRepository.Filter visible = new CreditRepository.Filter(filter.state(), filter.month(),
                filter.currency(), filter.clientKey(), filter.review(), visibleClients().orElse(null));
        List<CreditResponse> items = credits.list(visible, page, size).stream().map(CreditResponse::of).toList();
        return new CreditPage(items, page, size, credits.count(visible));
    }

    /** One credit; empty if unknown or (for an account manager) not one of their clients'. */
    public Optional<CreditResponse> find(long id) {
        Optional<Set<String>> visible = visibleClients();
        return credits.findWithClient(id)
                .filter(credit -> visible.map(keys -> keys.contains(credit.client.key)).orElse(true))
                .map(CreditResponse::of);
    }

    /** The credit's audit entries, newest first (at most 100); empty for a credit the caller may not see. */
    public List<AuditTrail.AuditEntry> history(long id) {
        return find(id).map(credit -> audit.list(AUDIT_ENTITY, id, 100)).orElse(List.of());
    }

    /**
     * The approved credits of the filter (state is set to approved) for the billing system's CSV, by month and
     * client; 400 naming {@code month} when more than {@value #MAX_EXPORT} match.
     */
    public List<CreditCsv.Row> approvedForExport(String month, String currency) {
        CreditRepository.Filter filter = new CreditRepository.Filter(CreditState.APPROVED, month, currency, null,
                null, null);
        long count = credits.count(filter);
        if (count > MAX_EXPORT) {
            throw ProblemException.badParameter("month", count + " approved credits match, more than the "
                    + MAX_EXPORT + " one file holds; export one month or currency at a time");
        }
        return credits.list(filter, 0, MAX_EXPORT).stream().map(CreditCsv.Row::of).toList();
    }

    private Optional<Set<String>> visibleClients() {
        return scope.accountManagerBound(Role.FINANCE, Role.ADMIN)
                .map(manager -> Set.copyOf(clients.keysManagedBy(manager)));
    }

    // --- the sync ------------------------------------------------------------------------------------------

    /**
     * Measures {@code month} for every client as of {@code asOf} with the month report and brings the month's
     * credits in line: a new breach with a credit above zero becomes a credit ({@code owed} with a deadline
     * under a claim rule, {@code claimed} at the month's end under AUTOMATIC); changed figures update a credit
     * not yet issued; an issued credit whose amount changed, or any credit whose breach vanished, is flagged for
     * review with the figures as credited and as re-measured (amount, availability, downtime, credit percent) and
     * keeps its own; a flagged credit whose re-measured figures change again has them updated. Client-months still
     * provisional at {@code asOf} are left alone. Owed credits of the month whose deadline is at or before {@code asOf}
     * expire. One sync at a time: a second waits for the first to commit.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public SyncResult sync(YearMonth month, Instant asOf) {
        credits.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, SYNC_LOCK).getSingleResult();
        FleetSlaReport report = reports.allClients(month, asOf);
        Map<Long, ContractResponse> versions = contracts.inForceDuring(month.atDay(1), month.plusMonths(1).atDay(1))
                .stream().collect(Collectors.toMap(ContractResponse::id, Function.identity()));
        Map<String, Credit> existing = credits.lockForMonth(month.toString()).stream()
                .collect(Collectors.toMap(credit -> credit.client.key, Function.identity()));
        Set<String> newClientKeys = report.clients().stream()
                .filter(row -> !row.provisional() && !existing.containsKey(row.clientKey()) && due(row))
                .map(FleetSlaReport.Row::clientKey).collect(Collectors.toSet());
        Map<String, Client> newClients = newClientKeys.isEmpty() ? Map.of()
                : clients.findByKeys(newClientKeys).stream().collect(Collectors.toMap(c -> c.key, c -> c));

        int created = 0;
        int recomputed = 0;
        int flagged = 0;
        int unchanged = 0;
        int provisional = 0;
        List<AuditTrail.Change> changes = new ArrayList<>();
        for (FleetSlaReport.Row row : report.clients()) {
            if (row.provisional()) {
                provisional++;
                continue;
            }
            Credit credit = existing.get(row.clientKey());
            if (credit == null) {
                if (due(row)) {
                    credit = create(row, month, versions.get(row.contractId()), newClients.get(row.clientKey()));
                    changes.add(new AuditTrail.Change(AUDIT_ENTITY, credit.id, "create", null, snapshot(credit)));
                    created++;
                }
                continue;
            }
            String before = snapshot(credit);
            Outcome outcome = reconcile(credit, row, asOf);
            switch (outcome) {
                case UNCHANGED -> unchanged++;
                case RECOMPUTED -> recomputed++;
                case FLAGGED -> flagged++;
                case UNFLAGGED -> recomputed++;
            }
            if (outcome != Outcome.UNCHANGED) {
                credits.flush();
                changes.add(new AuditTrail.Change(AUDIT_ENTITY, credit.id, outcome.action, before, snapshot(credit)));
            }
        }
        audit.recordAll(changes);
        int expired = expire(credits.overdue(asOf, month.toString()));
        return new SyncResult(month.toString(), asOf, created, recomputed, flagged, expired, unchanged, provisional);
    }

    /**
     * Expires every owed credit, of any month, whose claim deadline is at or before {@code asOf}; answers how many.
     * The scheduled job calls it after its syncs.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int expireOverdue(Instant asOf) {
        return expire(credits.overdue(asOf, null));
    }

    private int expire(List<Credit> overdue) {
        List<AuditTrail.Change> changes = new ArrayList<>();
        for (Credit credit : overdue) {
            String before = snapshot(credit);
            credit.state = CreditState.EXPIRED;
            credits.flush();
            changes.add(new AuditTrail.Change(AUDIT_ENTITY, credit.id, "expire", before, snapshot(credit)));
        }
        audit.recordAll(changes);
        return overdue.size();
    }

    private static boolean due(FleetSlaReport.Row row) {
        return row.breached() && new BigDecimal(row.creditAmount()).signum() > 0;
    }

    private Credit create(FleetSlaReport.Row row, YearMonth month, ContractResponse version, Client client) {
        ZoneId zone = ZoneId.of(row.timeZone());
        Credit credit = new Credit();
        credit.client = client;
        credit.month = month.toString();
        credit.contractId = row.contractId();
        figures(credit, row);
        if (version != null && version.claimRule() == ClaimRule.CLAIM_WITHIN_DAYS) {
            credit.state = CreditState.OWED;
            credit.claimDeadline = ClaimDeadline.deadline(month, zone, version.claimWindowDays());
        } else {
            // due without a claim: it starts where a timely claim would have put it, claimed as the month closed
            credit.state = CreditState.CLAIMED;
            credit.claimedAt = ClaimDeadline.monthEnd(month, zone);
            credit.claimReference = AUTOMATIC_REFERENCE;
        }
        credits.persistAndFlush(credit);
        return credit;
    }

    private static void figures(Credit credit, FleetSlaReport.Row row) {
        credit.contractId = row.contractId();
        credit.currency = row.currency();
        credit.amount = new BigDecimal(row.creditAmount());
        credit.creditPercent = row.appliedCreditPercent();
        credit.availabilityPercent = new BigDecimal(row.availabilityPercent());
        credit.downtimeSeconds = row.downtimeSeconds();
    }

    private enum Outcome {
        UNCHANGED(null), RECOMPUTED("recompute"), FLAGGED("flag-review"), UNFLAGGED("review-cleared");

        final String action;

        Outcome(String action) {
            this.action = action;
        }
    }

    /** Brings one credit in line with its month as measured now (see {@link #sync}). */
    private static Outcome reconcile(Credit credit, FleetSlaReport.Row row, Instant asOf) {
        boolean due = due(row);
        BigDecimal recomputed = due ? new BigDecimal(row.creditAmount()) : BigDecimal.ZERO;
        boolean sameMoney = credit.currency.equals(row.currency()) && credit.amount.compareTo(recomputed) == 0;
        boolean settled = credit.state == CreditState.ISSUED || !due;
        if (settled) {
            if (sameMoney) {
                if (!credit.reviewFlagged) {
                    return Outcome.UNCHANGED;
                }
                credit.reviewFlagged = false;
                credit.reviewNote = "the month measures the credited amount again";
                return Outcome.UNFLAGGED;
            }
            if (credit.reviewFlagged && credit.reviewRecomputedAmount.compareTo(recomputed) == 0
                    && sameRemeasure(credit, row)) {
                return Outcome.UNCHANGED;
            }
            // the credit keeps its own figures while flagged: they are the figures as credited
            credit.reviewFlagged = true;
            credit.reviewPreviousAmount = credit.amount;
            credit.reviewPreviousAvailabilityPercent = credit.availabilityPercent;
            credit.reviewPreviousDowntimeSeconds = credit.downtimeSeconds;
            credit.reviewPreviousCreditPercent = credit.creditPercent;
            credit.reviewRecomputedAmount = recomputed;
            credit.reviewRecomputedAvailabilityPercent = new BigDecimal(row.availabilityPercent());
            credit.reviewRecomputedDowntimeSeconds = row.downtimeSeconds();
            credit.reviewRecomputedCreditPercent = due ? row.appliedCreditPercent() : BigDecimal.ZERO;
            credit.reviewFlaggedAt = asOf;
            credit.reviewNote = null;
            return Outcome.FLAGGED;
        }
        boolean sameFigures = sameMoney && credit.contractId == row.contractId()
                && credit.creditPercent.compareTo(row.appliedCreditPercent()) == 0
                && credit.availabilityPercent.compareTo(new BigDecimal(row.availabilityPercent())) == 0
                && same(credit.downtimeSeconds, row.downtimeSeconds());
        if (sameFigures && !credit.reviewFlagged) {
            return Outcome.UNCHANGED;
        }
        figures(credit, row);
        if (credit.reviewFlagged) {
            // the breach that had vanished is back: the flag has nothing left to review
            credit.reviewFlagged = false;
            credit.reviewNote = "the month breaches again";
        }
        return Outcome.RECOMPUTED;
    }

    /** A flagged credit's re-measured availability, downtime and credit percent are what {@code row} measures. */
    private static boolean sameRemeasure(Credit credit, FleetSlaReport.Row row) {
        return same(credit.reviewRecomputedAvailabilityPercent, new BigDecimal(row.availabilityPercent()))
                && same(credit.reviewRecomputedDowntimeSeconds, row.downtimeSeconds())
                && same(credit.reviewRecomputedCreditPercent,
                        due(row) ? row.appliedCreditPercent() : BigDecimal.ZERO);
    }

    /** Equal by value; a figure not kept (null) is never the same as one measured. */
    private static boolean same(BigDecimal kept, BigDecimal measured) {
        return kept != null && measured != null && kept.compareTo(measured) == 0;
    }

    // --- transitions ---------------------------------------------------------------------------------------

    /**
     * Records the client's claim on an owed credit (or an expired one, when the claim was in fact made in time and
     * is recorded late). {@code claimedAt} defaults to {@code now}; it must not be before the month's end nor after
     * {@code now} (400), and must be before the deadline (409 naming it).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public CreditResponse claim(long id, CreditRequests.Claim request, Instant now) {
        validate(request);
        Credit credit = lock(id);
        Instant claimedAt = request.claimedAt() == null ? now : request.claimedAt();
        String reference = request.reference().strip();
        // a retry: the same reference, and the same time or none (a retry without one would otherwise say "now")
        if (credit.state == CreditState.CLAIMED && reference.equals(credit.claimReference)
                && (request.claimedAt() == null || claimedAt.equals(credit.claimedAt))) {
            return CreditResponse.of(credit);
        }
        requireState(credit, "claim", CreditState.OWED, CreditState.EXPIRED);
        Instant monthEnd = ClaimDeadline.monthEnd(YearMonth.parse(credit.month), credit.client.zone());
        Violations violations = new Violations();
        if (claimedAt.isBefore(monthEnd)) {
            violations.add("claimedAt", "must not be before the month's end, " + monthEnd);
        } else if (claimedAt.isAfter(now)) {
            violations.add("claimedAt", "must not be in the future (now is " + now + ")");
        }
        violations.throwIfAny();
        if (credit.claimDeadline != null && !ClaimDeadline.inTime(claimedAt, credit.claimDeadline)) {
            throw ProblemException.conflict("Credit " + id + " is " + credit.state.value() + ": claims for "
                    + credit.month + " had to arrive before " + credit.claimDeadline + "; " + claimedAt + " is late",
                    List.of(new FieldViolation("claimedAt", "must be before the claim deadline "
                            + credit.claimDeadline)));
        }
        return change(credit, "claim", () -> {
            credit.state = CreditState.CLAIMED;
            credit.claimedAt = claimedAt;
            credit.claimReference = reference;
        });
    }

    /** Approves a claimed credit without checking what the approver saw (the demo data's path). */
    @Transactional(Transactional.TxType.REQUIRED)
    public CreditResponse approve(long id) {
        return approve(id, CreditRequests.Approve.UNCHECKED);
    }

    /**
     * Approves a claimed credit; an approved one answers unchanged. {@code seen} (null: nothing to check) says what
     * the approver saw: when its {@code expectedAmount} (by value) or {@code expectedCurrency} is not the credit's
     * now (a sync re-measured the month meanwhile), 409 naming the field with the credit's amount now, and nothing
     * changes; checked before the state, so a retry on a credit approved and then re-measured hears of it too.
     * 400 naming a malformed field.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public CreditResponse approve(long id, CreditRequests.Approve seen) {
        CreditRequests.Approve expected = seen == null ? CreditRequests.Approve.UNCHECKED : seen;
        validate(expected);
        Credit credit = lock(id);
        List<FieldViolation> changed = unexpected(credit, expected.expectedAmount(), expected.expectedCurrency(),
                "expectedAmount", "expectedCurrency");
        if (!changed.isEmpty()) {
            throw ProblemException.conflict("Credit " + id + " was not approved: it is now " + amountOf(credit)
                    + ", not what was seen; check the figures and approve again", changed);
        }
        if (credit.state == CreditState.APPROVED) {
            return CreditResponse.of(credit);
        }
        requireState(credit, "approve", CreditState.CLAIMED);
        requireSomethingOwed(credit);
        return change(credit, "approve", () -> credit.state = CreditState.APPROVED);
    }

    /**
     * Approves every credit named, all or none: each must be claimed or already approved, else 409 naming each
     * offending {@code ids[i]} with its state (404-like ones too: "no credit 7"), and each must still have the
     * {@code expectedAmounts[i]} and {@code expectedCurrencies[i]} given for it, else 409 naming that entry as
     * {@link #approve(long, CreditRequests.Approve)} does. The expectation lists, when given, must hold one entry
     * per id (400 naming the list), and no id may be listed twice (400 naming each repeat {@code ids[i]}, so a
     * count of the answer is a count of credits). Answers the credits in the order asked.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<CreditResponse> approveAll(CreditRequests.BulkApprove request) {
        validate(request);
        Violations shape = new Violations();
        onePerId(request.expectedAmounts(), "expectedAmounts", request.ids().size(), shape);
        onePerId(request.expectedCurrencies(), "expectedCurrencies", request.ids().size(), shape);
        // a repeated id is a request that miscounts: answering the credit twice would report two approvals
        Set<Long> named = new HashSet<>();
        for (int i = 0; i < request.ids().size(); i++) {
            if (!named.add(request.ids().get(i))) {
                shape.add("ids[" + i + "]", "credit " + request.ids().get(i) + " is listed twice");
            }
        }
        shape.throwIfAny();
        Map<Long, Credit> found = credits.lockByIds(new HashSet<>(request.ids())).stream()
                .collect(Collectors.toMap(credit -> credit.id, Function.identity()));
        Violations violations = new Violations();
        int refused = 0;
        for (int i = 0; i < request.ids().size(); i++) {
            Long id = request.ids().get(i);
            Credit credit = found.get(id);
            int before = violations.list().size();
            if (credit == null) {
                violations.add("ids[" + i + "]", "no credit " + id);
            } else if (credit.state != CreditState.CLAIMED && credit.state != CreditState.APPROVED) {
                violations.add("ids[" + i + "]", "credit " + id + " is " + credit.state.value()
                        + "; only a claimed credit can be approved");
            } else if (credit.amount.signum() == 0) {
                violations.add("ids[" + i + "]", "credit " + id + " is 0.00: nothing to approve");
            }
            if (credit != null) {
                violations.addAll(unexpected(credit, entry(request.expectedAmounts(), i),
                        entry(request.expectedCurrencies(), i), "expectedAmounts[" + i + "]",
                        "expectedCurrencies[" + i + "]"));
            }
            refused += violations.list().size() > before ? 1 : 0;
        }
        if (!violations.isEmpty()) {
            throw ProblemException.conflict("No credit was approved: " + refused + " of the credits named cannot be",
                    violations.list());
        }
        List<CreditResponse> approved = new ArrayList<>();
        for (Long id : request.ids()) {
            Credit credit = found.get(id);
            approved.add(credit.state == CreditState.APPROVED ? CreditResponse.of(credit)
                    : change(credit, "approve", () -> credit.state = CreditState.APPROVED));
        }
        return approved;
    }

    /** Rejects a claimed credit with a reason; rejecting again with the same reason answers unchanged. */
    @Transactional(Transactional.TxType.REQUIRED)
    public CreditResponse reject(long id, CreditRequests.Reject request) {
        validate(request);
        Credit credit = lock(id);
        String reason = request.reason().strip();
        if (credit.state == CreditState.REJECTED && reason.equals(credit.rejectionReason)) {
            return CreditResponse.of(credit);
        }
        requireState(credit, "reject", CreditState.CLAIMED);
        return change(credit, "reject", () -> {
            credit.state = CreditState.REJECTED;
            credit.rejectionReason = reason;
        });
    }

    /**
     * Issues an approved credit with its credit note: the number must be unused by any other credit (409 naming
     * {@code creditNoteNumber}); the date defaults to today in the client's zone and must not be before the
     * month's last day nor after today in the client's zone (400 naming {@code issuedOn}). A credit under review cannot be issued (409) until the review is resolved.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public CreditResponse issue(long id, CreditRequests.Issue request, Instant now) {
        validate(request);
        return issue(lock(id), request.creditNoteNumber(), request.issuedOn(), now, "");
    }

    /** Issues every credit named, all or none, each as {@link #issue}; violations name {@code credits[i].field}. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<CreditResponse> issueAll(CreditRequests.BulkIssue request, Instant now) {
        validate(request);
        List<CreditRequests.BulkIssueItem> items = request.credits();
        Map<Long, Credit> found = credits.lockByIds(items.stream().map(CreditRequests.BulkIssueItem::id)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(credit -> credit.id, c -> c));
        Violations violations = new Violations();
        Set<String> numbers = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            CreditRequests.BulkIssueItem item = items.get(i);
            String prefix = "credits[" + i + "].";
            if (!ids.add(item.id())) {
                violations.add(prefix + "id", "credit " + item.id() + " is named twice");
            } else if (!found.containsKey(item.id())) {
                violations.add(prefix + "id", "no credit " + item.id());
            }
            if (!numbers.add(item.creditNoteNumber().strip())) {
                violations.add(prefix + "creditNoteNumber", "is given to two credits");
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.conflict("No credit was issued: " + violations.list().size() + " problems",
                    violations.list());
        }
        List<CreditResponse> issued = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            CreditRequests.BulkIssueItem item = items.get(i);
            issued.add(issue(found.get(item.id()), item.creditNoteNumber(), item.issuedOn(), now,
                    "credits[" + i + "]."));
        }
        return issued;
    }

    private CreditResponse issue(Credit credit, String number, LocalDate issuedOn, Instant now, String prefix) {
        String noteNumber = number.strip();
        LocalDate date = issuedOn != null ? issuedOn : LocalDate.ofInstant(now, credit.client.zone());
        if (credit.state == CreditState.ISSUED && noteNumber.equals(credit.creditNoteNumber)
                && (issuedOn == null || date.equals(credit.issuedOn))) {
            return CreditResponse.of(credit);
        }
        requireState(credit, "issue", prefix, CreditState.APPROVED);
        if (credit.reviewFlagged) {
            String measured = CreditResponse.money(credit.reviewRecomputedAmount, credit.currency) + " "
                    + credit.currency;
            throw ProblemException.conflict("Credit " + credit.id + " is flagged for review (its month now measures "
                    + measured + "); resolve the review before issuing it", List.of(new FieldViolation(
                    prefix + "review", "is pending: the month now measures " + measured)));
        }
        LocalDate lastDay = YearMonth.parse(credit.month).atEndOfMonth();
        if (date.isBefore(lastDay)) {
            throw ProblemException.invalid(List.of(new FieldViolation(prefix + "issuedOn",
                    "must not be before the month's last day, " + lastDay)));
        }
        // a credit note is dated when it is written: a date years ahead is a typo, never a plan
        LocalDate today = LocalDate.ofInstant(now, credit.client.zone());
        if (date.isAfter(today)) {
            throw ProblemException.invalid(List.of(new FieldViolation(prefix + "issuedOn",
                    "must not be after today in the client's zone, " + today)));
        }
        Optional<Credit> holder = credits.findByCreditNoteNumber(noteNumber);
        if (holder.isPresent() && !holder.get().id.equals(credit.id)) {
            throw ProblemException.conflict("Credit note " + noteNumber + " was issued for credit "
                    + holder.get().id, List.of(new FieldViolation(prefix + "creditNoteNumber",
                    "is already used by credit " + holder.get().id)));
        }
        return change(credit, "issue", () -> {
            credit.state = CreditState.ISSUED;
            credit.creditNoteNumber = noteNumber;
            credit.issuedOn = date;
        });
    }

    /**
     * Resolves a review flag with finance's note. A credit not yet issued takes the re-measured figures (amount,
     * and the availability, downtime and credit percent behind it, where kept); an issued credit keeps its figures (its credit note stands; the difference is settled outside, as the note says).
     * 409 when no review is pending, unless the same note already resolved it.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public CreditResponse resolveReview(long id, CreditRequests.ResolveReview request) {
        validate(request);
        Credit credit = lock(id);
        String note = request.note().strip();
        if (!credit.reviewFlagged) {
            if (note.equals(credit.reviewNote)) {
                return CreditResponse.of(credit);
            }
            throw ProblemException.conflict("Credit " + id + " (" + credit.state.value()
                    + ") has no review pending", List.of(new FieldViolation("note", "nothing to resolve")));
        }
        return change(credit, "resolve-review", () -> {
            credit.reviewFlagged = false;
            credit.reviewNote = note;
            if (credit.state != CreditState.ISSUED) {
                credit.amount = credit.reviewRecomputedAmount;
                if (credit.reviewRecomputedAvailabilityPercent != null) {
                    credit.availabilityPercent = credit.reviewRecomputedAvailabilityPercent;
                    credit.downtimeSeconds = credit.reviewRecomputedDowntimeSeconds;
                    credit.creditPercent = credit.reviewRecomputedCreditPercent;
                }
                // the month no longer breaches: nothing is owed, so a claimed or approved credit is closed as
                // rejected, never left to be approved, exported and issued at zero (an owed or expired one stays
                // as it is at zero; approving refuses a zero credit)
                if (credit.amount.signum() == 0 && credit.claimedAt != null) {
                    credit.state = CreditState.REJECTED;
                    credit.rejectionReason = bounded("No breach after re-measuring: " + note, 2000);
                }
            }
        });
    }

    private static void onePerId(List<String> expectations, String field, int ids, Violations violations) {
        if (expectations != null && expectations.size() != ids) {
            violations.add(field, "must hold one entry per id (" + ids + "), not " + expectations.size());
        }
    }

    private static String entry(List<String> expectations, int index) {
        return expectations == null ? null : expectations.get(index);
    }

    /**
     * What differs between the credit now and what the approver saw ({@code amount} a validated decimal string,
     * {@code currency} a code; null: not checked), as violations of the two fields named.
     */
    private static List<FieldViolation> unexpected(Credit credit, String amount, String currency, String amountField,
            String currencyField) {
        List<FieldViolation> found = new ArrayList<>();
        if (amount != null && new BigDecimal(amount).compareTo(credit.amount) != 0) {
            found.add(new FieldViolation(amountField, "credit " + credit.id + " is now " + amountOf(credit)
                    + ", not " + amount + " (its figures changed since)"));
        }
        if (currency != null && !currency.equals(credit.currency)) {
            found.add(new FieldViolation(currencyField, "credit " + credit.id + " is now " + amountOf(credit)
                    + ", not in " + currency));
        }
        return found;
    }

    private static String amountOf(Credit credit) {
        return CreditResponse.money(credit.amount, credit.currency) + " " + credit.currency;
    }

    private Credit lock(long id) {
        return credits.lockById(id).orElseThrow(() -> ProblemException.notFound("credit", id));
    }

    /** 409 naming {@code amount} for a credit of zero (its month no longer breaches): nothing to approve. */
    private static void requireSomethingOwed(Credit credit) {
        if (credit.amount.signum() == 0) {
            throw ProblemException.conflict("Credit " + credit.id + " is " + credit.amount.toPlainString() + " "
                    + credit.currency + ": its month no longer breaches; reject it",
                    List.of(new FieldViolation("amount", "is zero")));
        }
    }

    private static String bounded(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars);
    }

    private static void requireState(Credit credit, String transition, CreditState... from) {
        requireState(credit, transition, "", from);
    }

    /** As above; {@code prefix} places the violation in a bulk request ({@code credits[3].state}). */
    private static void requireState(Credit credit, String transition, String prefix, CreditState... from) {
        for (CreditState state : from) {
            if (credit.state == state) {
                return;
            }
        }
        String allowed = java.util.Arrays.stream(from).map(CreditState::value).collect(Collectors.joining(" or "));
        throw ProblemException.conflict("Credit " + credit.id + " is " + credit.state.value() + "; only a credit that is "
                + allowed + " can " + transition, List.of(new FieldViolation(prefix + "state", "is " + credit.state.value())));
    }

    private CreditResponse change(Credit credit, String action, Runnable apply) {
        String before = snapshot(credit);
        apply.run();
        credits.flush();
        CreditResponse after = CreditResponse.of(credit);
        audit.record(AUDIT_ENTITY, credit.id, action, before, audit.snapshot(after));
        return after;
    }

    private String snapshot(Credit credit) {
        return audit.snapshot(CreditResponse.of(credit));
    }

    private void validate(Object request) {
        if (request == null) {
            throw ProblemException.invalid(List.of(new FieldViolation("", "a JSON body is required")));
        }
        Violations violations = new Violations();
        violations.addAll(validator.validate(request), "");
        violations.throwIfAny();
    }

    /** The months the scheduled sync covers as of {@code asOf}: the {@code count} before the current one, and it. */
    static List<YearMonth> recentMonths(Instant asOf, int count) {
        YearMonth current = YearMonth.from(asOf.atZone(java.time.ZoneOffset.UTC));
        List<YearMonth> months = new ArrayList<>();
        for (int i = count; i >= 0; i--) {
            months.add(current.minusMonths(i));
        }
        return months;
    }
}
