package com.slaledger.whatif;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.client.Client;
import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Saved what-ifs: kept by name per client (at most {@value #MAX_PER_CLIENT}), listed, opened (the figures
 * worked out again from today's incidents and contracts) and deleted. Account managers reach those of their
 * own clients only; anyone else's answers as a missing one (404).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SavedWhatIfService {

    /** How many what-ifs one client may keep. */
    public static final int MAX_PER_CLIENT = 50;
    static final int MAX_NAME_LENGTH = 100;

    private final ClientService clients;
    private final WhatIfService whatIf;
    private final WhatIfRules rules;
    private final AccessScope scope;
    private final ObjectMapper json;

    public SavedWhatIfService(ClientService clients, WhatIfService whatIf, WhatIfRules rules, AccessScope scope,
            ObjectMapper json) {
        this.clients = clients;
        this.whatIf = whatIf;
        this.rules = rules;
        this.scope = scope;
        this.json = json;
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
     * field, {@code name} too); saving again what is saved already under that name (a retry: the same months
     * and terms of equal value, {@link ContractProposal#sameTerms}) answers the saved one with {@code created}
     * false; another what-if under a taken name, or one more than
     * {@value #MAX_PER_CLIENT}, is a 409 problem. 404 problem for a client the caller may not see.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Saved save(String clientKey, SaveWhatIfRequest request, Instant asOf) {
        ClientResponse client = visible(clientKey);
        Violations violations = new Violations();
        String name = request.name() == null ? null : request.name().strip();
        if (name == null || name.isEmpty()) {
            violations.add("name", "is required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            violations.add("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            violations.add("name", "must not contain control characters");
        }
        WhatIfRules.MonthRange range = rules.range(request.from(), request.to(), asOf, ZoneId.of(client.timeZone()),
                violations);
        rules.proposal(request.proposal(), violations);
        violations.throwIfAny();
        ContractProposal proposal = request.proposal() != null ? request.proposal() : ContractProposal.NONE;
        // the rules that depend on the client's contracts
        WhatIfReport report = whatIf.client(clientKey, range.from(), range.to(), proposal, asOf).orElseThrow();

        Client row = clients.require(clientKey);
        // two saves of one client wait for each other, so neither sees room or a free name the other takes
        SavedWhatIf.getEntityManager().lock(row, LockModeType.PESSIMISTIC_WRITE);
        Optional<SavedWhatIf> sameName = SavedWhatIf.<SavedWhatIf>find("client = ?1 and name = ?2", row, name)
                .firstResultOptional();
        String proposalJson = write(proposal);
        if (sameName.isPresent()) {
            SavedWhatIf existing = sameName.get();
            if (existing.fromMonth.equals(range.from().atDay(1)) && existing.toMonth.equals(range.to().atDay(1))
                    && read(existing.proposal).sameTerms(proposal)) {
                return new Saved(response(existing, report), false);
            }
            throw ProblemException.conflict("Client '" + clientKey + "' has a what-if named '" + name
                    + "' already; choose another name or delete it first",
                    List.of(new FieldViolation("name", "is taken")));
        }
        if (SavedWhatIf.count("client", row) >= MAX_PER_CLIENT) {
            throw ProblemException.conflict("Client '" + clientKey + "' keeps " + MAX_PER_CLIENT
                    + " what-ifs already, the most it may; delete one first");
        }
        SavedWhatIf saved = new SavedWhatIf();
        saved.client = row;
        saved.name = name;
        saved.fromMonth = range.from().atDay(1);
        saved.toMonth = range.to().atDay(1);
        saved.proposal = proposalJson;
        saved.createdBy = scope.actor();
        saved.persistAndFlush();
        return new Saved(response(saved, report), true);
    }

    /** What {@link #save} answers: the what-if, and whether this call created it (false for a retry). */
    public record Saved(SavedWhatIfResponse whatIf, boolean created) {
    }

    /** False when missing or not the caller's to see. */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(long id) {
        Optional<SavedWhatIf> found = find(id);
        found.ifPresent(SavedWhatIf::delete);
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
