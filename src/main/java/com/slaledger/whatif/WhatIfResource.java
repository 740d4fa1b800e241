package com.slaledger.whatif;

import com.slaledger.client.ClientResponse;
import com.slaledger.client.ClientService;
import com.slaledger.platform.Violations;
import com.slaledger.report.ContractProposal;
import com.slaledger.report.FleetWhatIfReport;
import com.slaledger.report.WhatIfReport;
import com.slaledger.report.WhatIfService;
import com.slaledger.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Contract what-ifs over REST: nothing is written. Every bad field is named in one 400 problem; a client the
 * caller may not see (another account manager's) is refused exactly as an unknown one, so that its existence
 * cannot be probed.
 */
@Path("/api/what-if")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "What-if")
@RolesAllowed({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
public class WhatIfResource {

    /** The zone that enters a month first: no client's current month is later than its. */
    static final ZoneId EARLIEST_ZONE = ZoneId.of("Pacific/Kiritimati");

    private final WhatIfService whatIf;
    private final WhatIfRules rules;
    private final ClientService clients;

    public WhatIfResource(WhatIfService whatIf, WhatIfRules rules, ClientService clients) {
        this.whatIf = whatIf;
        this.rules = rules;
        this.clients = clients;
    }

    @POST
    @Operation(summary = "A proposed contract tried on one client's past months (from..to, YYYY-MM, inclusive, "
            + "at most 36): month by month availability, breach and credit under the contract in force and under "
            + "the proposal, totals per currency and the difference (proposal − current)")
    public WhatIfReport evaluate(WhatIfRequest request) {
        Instant asOf = Instant.now();
        return evaluate(request.clientKey(), request.from(), request.to(), request.proposal(), asOf);
    }

    /**
     * The what-if of one client, every field checked: 400 problem naming each bad field; an unknown or
     * invisible client is a bad {@code clientKey}.
     */
    WhatIfReport evaluate(String clientKey, String from, String to, ContractProposal proposal, Instant asOf) {
        Violations violations = new Violations();
        Optional<ClientResponse> client = Optional.empty();
        if (clientKey == null || clientKey.isBlank()) {
            violations.add("clientKey", "is required");
        } else if (clientKey.length() > 64 || (client = clients.find(clientKey)).isEmpty()) {
            violations.add("clientKey", "no client with this key");
        }
        ZoneId zone = client.map(found -> ZoneId.of(found.timeZone())).orElse(EARLIEST_ZONE);
        WhatIfRules.MonthRange range = rules.range(from, to, asOf, zone, violations);
        rules.proposal(proposal, violations);
        violations.throwIfAny();
        ContractProposal proposed = proposal != null ? proposal : ContractProposal.NONE;
        return whatIf.client(clientKey, range.from(), range.to(), proposed, asOf).orElseThrow();
    }

    @POST
    @Path("/fleet")
    @Operation(summary = "A proposed contract tried on many clients at once (clients=all, the default, or "
            + "manager:<username>; an account manager always gets their own clients): per client and in total, "
            + "the credit per currency under the contracts in force and under the proposal, with the difference")
    public FleetWhatIfReport fleet(FleetWhatIfRequest request) {
        Instant asOf = Instant.now();
        Violations violations = new Violations();
        String manager = null;
        String selector = request.clients() == null ? "all" : request.clients().strip();
        if (selector.startsWith("manager:") && selector.length() > "manager:".length() && selector.length() <= 200) {
            manager = selector.substring("manager:".length());
        } else if (!selector.equals("all")) {
            violations.add("clients", "must be all or manager:<username>");
        }
        WhatIfRules.MonthRange range = rules.range(request.from(), request.to(), asOf, EARLIEST_ZONE, violations);
        rules.proposal(request.proposal(), violations);
        violations.throwIfAny();
        return whatIf.fleet(range.from(), range.to(),
                request.proposal() != null ? request.proposal() : ContractProposal.NONE, manager, asOf);
    }
}
