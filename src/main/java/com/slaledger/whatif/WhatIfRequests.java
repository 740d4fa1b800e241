package com.slaledger.whatif;

import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
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
        violations.throwIfAny();
        return whatIf.client(clientKey, range.from(), range.to(), proposal != null ? proposal : ContractProposal.NONE,
                asOf).orElseThrow();
    }
}
