package com.slaledger.whatif;

import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.platform.Problem.FieldViolation;
import com.slaledger.platform.Violations;
import com.slaledger.report.ContractProposal;
import com.slaledger.report.WhatIfReport;
import com.slaledger.report.WhatIfService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One client's what-if as typed by a caller (the API's body, the page's form), every field checked before
 * anything is measured: one 400 problem naming each bad field ({@code clientKey}, {@code from}, {@code to},
 * {@code proposal.<field>}). A client the caller may not see is a bad {@code clientKey} exactly as an unknown
 * one is, so that its existence cannot be probed.
 */
@ApplicationScoped
public class WhatIfRequests {

    /** The zone that enters a month first: no client's current month is later than its. */
    static final ZoneId EARLIEST_ZONE = ZoneId.of("Pacific/Kiritimati");

    private final WhatIfService whatIf;
    private final WhatIfRules rules;
    private final ClientService clients;

    public WhatIfRequests(WhatIfService whatIf, WhatIfRules rules, ClientService clients) {
        this.whatIf = whatIf;
        this.rules = rules;
        this.clients = clients;
    }

    /** The proposal ({@code null}: none) tried on the client's months {@code from..to} ({@code YYYY-MM}). */
    public WhatIfReport evaluate(String clientKey, String from, String to, ContractProposal proposal, Instant asOf) {
        Violations violations = new Violations();
        WhatIfRules.MonthRange range = check(clientKey, from, to, proposal, asOf, true, violations);
        violations.throwIfAny();
        return whatIf.client(clientKey, range.from(), range.to(), proposal != null ? proposal : ContractProposal.NONE,
                asOf).orElseThrow();
    }

    /**
     * Adds to {@code violations} every violation {@link #evaluate} refuses, in one pass and without measuring
     * anything: the fields' own rules and, once the months are readable, the proposal's target and tiers held
     * against the client's versions in force then ({@link WhatIfService#conflicts}; skipped where the target or
     * tiers break their own rules already). A form reads what it can and sends the rest as null: it passes
     * {@code againstVersions} false when the target or a tier could not be read, since a missing one would be
     * reported as left out. Answers the months when they are readable, else null.
     */
    public WhatIfRules.MonthRange check(String clientKey, String from, String to, ContractProposal proposal,
            Instant asOf, boolean againstVersions, Violations violations) {
        WhatIfRules.MonthRange range = checkFields(clientKey, from, to, proposal, asOf, violations);
        boolean termsFine = violations.list().stream().map(FieldViolation::field).noneMatch(field ->
                field.equals("proposal.targetPercent") || field.startsWith("proposal.creditTiers"));
        // versions are read only for a client found (a key with a NUL must not even reach the database)
        if (range != null && againstVersions && termsFine && !violations.has("clientKey")) {
            violations.addAll(whatIf.conflicts(clientKey, range.from(), range.to(),
                    proposal != null ? proposal : ContractProposal.NONE));
        }
        return range;
    }

    /** The fields' own rules; the range when they pass (null otherwise). */
    private WhatIfRules.MonthRange checkFields(String clientKey, String from, String to, ContractProposal proposal,
            Instant asOf, Violations violations) {
        Optional<ClientResponse> client = Optional.empty();
        if (clientKey == null || clientKey.isBlank()) {
            violations.add("clientKey", "is required");
        } else if (clientKey.length() > 64 || clientKey.chars().anyMatch(Character::isISOControl)
                || (client = clients.find(clientKey)).isEmpty()) {
            // no key holds a control character; a NUL would not even reach the database as text
            violations.add("clientKey", "no client with this key");
        }
        ZoneId zone = client.map(found -> ZoneId.of(found.timeZone())).orElse(EARLIEST_ZONE);
        WhatIfRules.MonthRange range = rules.range(from, to, asOf, zone, violations);
        rules.proposal(proposal, violations);
        return range;
    }
}
