package com.slaledger.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.audit.AuditTrail;
import com.slaledger.client.Client;
import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.ProblemException;
import com.slaledger.platform.Violations;
import com.slaledger.report.ContractProposal;
import com.slaledger.report.WhatIfReport;
import com.slaledger.report.WhatIfService;
import com.slaledger.security.AccessScope;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Saved what-ifs: kept by name per client (at most {@value #MAX_PER_CLIENT}), listed, opened (the figures
 * worked out again from today's incidents and contracts), changed and deleted. Account managers reach those of
 * their own clients only; anyone else's answers as a missing one (404). Every creation, change and deletion is
 * written to the audit trail (entity {@value #AUDIT_ENTITY}) in the same transaction, with who, when and the
 * what-if before and after (as the API lists it, without figures).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SavedWhatIfService {

    /** How many what-ifs one client may keep. */
    public static final int MAX_PER_CLIENT = 50;
    static final int MAX_NAME_LENGTH = 100;
    /** The entity of a saved what-if's audit entries ({@code GET /api/audit?entity=what-if&id=…}). */
    public static final String AUDIT_ENTITY = "what-if";

    private final ClientService clients;
    private final WhatIfService whatIf;
    private final WhatIfRules rules;
    private final WhatIfRequests requests;
    private final AccessScope scope;
    private final ObjectMapper json;
    private final AuditTrail audit;

    public SavedWhatIfService(ClientService clients, WhatIfService whatIf, WhatIfRules rules, WhatIfRequests requests,
            AccessScope scope, ObjectMapper json, AuditTrail audit) {
        this.clients = clients;
        this.whatIf = whatIf;
        this.rules = rules;
        this.requests = requests;
        this.scope = scope;
        this.json = json;
        this.audit = audit;
    }

    /** The client's saved what-ifs, newest first, without figures; 404 problem for a client the caller may not see. */
    public List<SavedWhatIfResponse> list(String clientKey) {
        visible(clientKey);
        return SavedWhatIf.<SavedWhatIf>find("client.key = :key order by createdAt desc, id desc",
                Parameters.with("key", clientKey)).list().stream().map(saved -> response(saved, null)).toList();
    }

    /**
     * A saved what-if with its figures worked out now; empty when missing or not the caller's to see; 409
     * problem when the proposal no longer fits the client's contracts.
     */
    public Optional<SavedWhatIfResponse> open(long id, Instant asOf) {
        return find(id).map(saved -> response(saved, evaluate(saved, asOf)));
    }

    /**
     * Keeps the what-if under its name. Checked as {@code POST /api/what-if} is (400 problem naming each bad
     * field, {@code name} too: {@link WhatIfRules#name}); saving again what is saved already under
     * that name (a retry: the same months and terms of equal value, {@link ContractProposal#sameTerms}) answers
     * the saved one with {@code created} false; another what-if under a taken name, or one more than
     * {@value #MAX_PER_CLIENT}, is a 409 problem. 404 problem for a client the caller may not see. A creation
     * writes an audit entry {@code create} with the what-if as {@code after}; a retry writes none.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Saved save(String clientKey, SaveWhatIfRequest request, Instant asOf) {
        ClientResponse client = visible(clientKey);
        Checked checked = check(client, request, asOf);
        Client row = lockClient(clientKey);
        Optional<SavedWhatIf> sameName = named(row, checked.name());
        if (sameName.isPresent()) {
            SavedWhatIf existing = sameName.get();
            if (checked.sameAs(existing, read(existing.proposal))) {
                return new Saved(response(existing, checked.report()), false);
            }
            throw nameTaken(clientKey, checked.name());
        }
        if (SavedWhatIf.count("client", row) >= MAX_PER_CLIENT) {
            throw ProblemException.conflict("Client '" + clientKey + "' keeps " + MAX_PER_CLIENT
                    + " what-ifs already, the most it may; delete one first");
        }
        SavedWhatIf saved = new SavedWhatIf();
        saved.client = row;
        checked.applyTo(saved, write(checked.proposal()));
        saved.createdBy = scope.actor();
        saved.persistAndFlush();
        SavedWhatIfResponse created = response(saved, null);
        audit.record(AUDIT_ENTITY, saved.id, "create", null, audit.snapshot(created));
        return new Saved(response(saved, checked.report()), true);
    }

    /**
     * Changes a saved what-if: its name, months and proposal all replaced by {@code request}'s, checked as
     * {@link #save} checks them (400 problem naming each bad field; 409 when the name is another what-if's of
     * the client). Empty when missing or not the caller's to see. A change writes an audit entry {@code update}
     * with the what-if before and after; sending what is saved already changes nothing and writes none.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<SavedWhatIfResponse> update(long id, SaveWhatIfRequest request, Instant asOf) {
        Optional<SavedWhatIf> found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SavedWhatIf saved = found.get();
        ClientResponse client = visible(saved.client.key);
        Checked checked = check(client, request, asOf);
        lockClient(client.key());
        if (named(saved.client, checked.name()).filter(other -> !other.id.equals(saved.id)).isPresent()) {
            throw nameTaken(client.key(), checked.name());
        }
        if (checked.sameAs(saved, read(saved.proposal))) {
            return Optional.of(response(saved, checked.report()));
        }
        SavedWhatIfResponse before = response(saved, null);
        checked.applyTo(saved, write(checked.proposal()));
        saved.persistAndFlush();
        audit.record(AUDIT_ENTITY, saved.id, "update", audit.snapshot(before), audit.snapshot(response(saved, null)));
        return Optional.of(response(saved, checked.report()));
    }

    /**
     * The changes of a saved what-if the caller may see, newest first, from the audit trail: who, when, which
     * fields ({@code name}, {@code from}, {@code to}, {@code proposal}) each change touched. Empty when missing
     * or not the caller's to see.
     */
    public List<HistoryEntry> history(long id) {
        if (find(id).isEmpty()) {
            return List.of();
        }
        return audit.list(AUDIT_ENTITY, id, AuditTrail.MAX_LIMIT).stream().map(HistoryEntry::of).toList();
    }

    /**
     * One audit entry of a saved what-if as its page lists it.
     *
     * @param action  {@code create}, {@code update} or {@code delete}
     * @param changed the fields an update changed, in the order {@code name, from, to, proposal}; empty otherwise
     */
    public record HistoryEntry(Instant occurredAt, String actor, String action, List<String> changed) {

        static HistoryEntry of(AuditTrail.AuditEntry entry) {
            List<String> changed = new ArrayList<>();
            if (entry.before() != null && entry.after() != null) {
                for (String field : List.of("name", "from", "to", "proposal")) {
                    if (!Objects.equals(entry.before().get(field), entry.after().get(field))) {
                        changed.add(field);
                    }
                }
            }
            return new HistoryEntry(entry.occurredAt(), entry.actor(), entry.action(), List.copyOf(changed));
        }
    }

    /** A request that passed every check, with the figures the check worked out. */
    private record Checked(String name, YearMonth from, YearMonth to, ContractProposal proposal, WhatIfReport report) {

        boolean sameAs(SavedWhatIf saved, ContractProposal savedProposal) {
            return saved.name.equals(name) && saved.fromMonth.equals(from.atDay(1)) && saved.toMonth.equals(to.atDay(1))
                    && savedProposal.sameTerms(proposal);
        }

        void applyTo(SavedWhatIf saved, String proposalJson) {
            saved.name = name;
            saved.fromMonth = from.atDay(1);
            saved.toMonth = to.atDay(1);
            saved.proposal = proposalJson;
        }
    }

    /** Every field checked in one pass (400 problem naming each bad one), then the rules of the client's contracts. */
    private Checked check(ClientResponse client, SaveWhatIfRequest request, Instant asOf) {
        Violations violations = new Violations();
        String name = rules.name(request.name(), violations);
        WhatIfRules.MonthRange range = requests.check(client.key(), request.from(), request.to(), request.proposal(),
                asOf, true, violations);
        violations.throwIfAny();
        ContractProposal proposal = request.proposal() != null ? request.proposal() : ContractProposal.NONE;
        WhatIfReport report = whatIf.client(client.key(), range.from(), range.to(), proposal, asOf).orElseThrow();
        return new Checked(name, range.from(), range.to(), proposal, report);
    }

    /** The client's row, locked: two writes of one client wait for each other, so neither takes a name the other took. */
    private Client lockClient(String clientKey) {
        Client row = clients.require(clientKey);
        SavedWhatIf.getEntityManager().lock(row, LockModeType.PESSIMISTIC_WRITE);
        return row;
    }

    private static Optional<SavedWhatIf> named(Client client, String name) {
        return SavedWhatIf.<SavedWhatIf>find("client = ?1 and name = ?2", client, name).firstResultOptional();
    }

    private static ProblemException nameTaken(String clientKey, String name) {
        return ProblemException.conflict("Client '" + clientKey + "' has a what-if named '" + InputLimits.echo(name)
                + "' already; choose another name or delete it first", List.of(new FieldViolation("name", "is taken")));
    }

    /** What {@link #save} answers: the what-if, and whether this call created it (false for a retry). */
    public record Saved(SavedWhatIfResponse whatIf, boolean created) {
    }

    /**
     * Forgets a saved what-if; false when missing or not the caller's to see. Writes an audit entry
     * {@code delete} with the what-if as {@code before}.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(long id) {
        Optional<SavedWhatIf> found = find(id);
        found.ifPresent(saved -> {
            String before = audit.snapshot(response(saved, null));
            saved.delete();
            audit.record(AUDIT_ENTITY, saved.id, "delete", before, null);
        });
        return found.isPresent();
    }

    private Optional<SavedWhatIf> find(long id) {
        return SavedWhatIf.<SavedWhatIf>findByIdOptional(id)
                .filter(saved -> clients.find(saved.client.key).isPresent());
    }

    private ClientResponse visible(String clientKey) {
        return clients.find(clientKey).orElseThrow(() -> ProblemException.notFound("client", clientKey));
    }

    /**
     * The figures now. A proposal saved against versions it no longer fits (a contract edited since, its
     * target now above a proposed tier) is a 409 problem naming the clash: the request was fine, the
     * stored what-if is what no longer applies.
     */
    private WhatIfReport evaluate(SavedWhatIf saved, Instant asOf) {
        try {
            return whatIf.client(saved.client.key, YearMonth.from(saved.fromMonth), YearMonth.from(saved.toMonth),
                    read(saved.proposal), asOf).orElseThrow();
        } catch (ProblemException refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            throw ProblemException.conflict("What-if '" + saved.name + "' no longer fits the contracts of client '"
                    + saved.client.key + "'; save it again with the clashing fields changed", refused.violations());
        }
    }

    private SavedWhatIfResponse response(SavedWhatIf saved, WhatIfReport report) {
        return new SavedWhatIfResponse(saved.id, saved.client.key, saved.name,
                YearMonth.from(saved.fromMonth).toString(), YearMonth.from(saved.toMonth).toString(),
                read(saved.proposal), saved.createdBy, saved.createdAt, report);
    }

    private String write(ContractProposal proposal) {
        try {
            return json.writeValueAsString(proposal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a checked proposal always writes as JSON", e);
        }
    }

    private ContractProposal read(String proposal) {
        try {
            return json.readValue(proposal, ContractProposal.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("what_if.proposal holds what write() wrote", e);
        }
    }
}
