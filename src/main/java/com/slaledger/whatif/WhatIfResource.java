package com.slaledger.whatif;

import com.slaledger.client.ClientService;
import com.slaledger.platform.InputLimits;
import com.slaledger.platform.TextSanity;
import com.slaledger.platform.Violations;
import com.slaledger.report.ContractProposal;
import com.slaledger.report.FleetWhatIfReport;
import com.slaledger.report.WhatIfReport;
import com.slaledger.report.WhatIfService;
import com.slaledger.security.Role;
import com.slaledger.security.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
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

    private final WhatIfService whatIf;
    private final WhatIfRules rules;
    private final WhatIfRequests requests;
    private final UserService users;
    private final ClientService clients;

    public WhatIfResource(WhatIfService whatIf, WhatIfRules rules, WhatIfRequests requests, UserService users,
            ClientService clients) {
        this.whatIf = whatIf;
        this.rules = rules;
        this.requests = requests;
        this.users = users;
        this.clients = clients;
    }

    @POST
    @Operation(summary = "A proposed contract tried on one client's past months (from..to, YYYY-MM, inclusive, "
            + "at most 36): month by month availability, breach and credit under the contract in force and under "
            + "the proposal, totals per currency and the difference (proposal − current)")
    public WhatIfReport evaluate(WhatIfRequest request) {
        return requests.evaluate(request.clientKey(), request.from(), request.to(), request.proposal(), Instant.now());
    }

    @POST
    @Path("/fleet")
    @Operation(summary = "A proposed contract tried on many clients at once (clients=all, the default, or "
            + "manager:<username>; an account manager always gets their own clients): per client and in total, "
            + "the credit per currency under the contracts in force and under the proposal, with the difference. "
            + "A manager:<username> naming nobody is a 400 naming clients; one with no clients answers no rows")
    public FleetWhatIfReport fleet(FleetWhatIfRequest request) {
        Instant asOf = Instant.now();
        Violations violations = new Violations();
        String manager = manager(request.clients(), violations);
        WhatIfRules.MonthRange range = rules.range(request.from(), request.to(), asOf, WhatIfRequests.EARLIEST_ZONE,
                violations);
        rules.proposal(request.proposal(), violations);
        violations.throwIfAny();
        return whatIf.fleet(range.from(), range.to(),
                request.proposal() != null ? request.proposal() : ContractProposal.NONE, manager, asOf);
    }

    /**
     * The account manager {@code clients} names ({@code manager:<username>}), or null for {@code all} (and a
     * missing selector). A violation of {@code clients} otherwise: another shape, text no username holds
     * ({@link TextSanity#unfit}, more than 200 characters), or a name that is neither a user nor any client's
     * account manager; the name is quoted back at most {@value InputLimits#MAX_ECHOED_CHARS} characters long.
     * A manager who exists but looks after no client is fine: the fleet is then empty.
     */
    private String manager(String clientsSelector, Violations violations) {
        String selector = clientsSelector == null ? "all" : clientsSelector.strip();
        if (selector.equals("all")) {
            return null;
        }
        if (!selector.startsWith("manager:") || selector.length() == "manager:".length()) {
            violations.add("clients", "must be all or manager:<username>");
            return null;
        }
        if (selector.length() > 200) {
            violations.add("clients", "must be all or manager:<username>, at most 200 characters");
            return null;
        }
        if (TextSanity.check("clients", selector, false, violations)) {
            return null;
        }
        String manager = selector.substring("manager:".length());
        if (!users.exists(manager) && clients.keysManagedBy(manager).isEmpty()) {
            violations.add("clients", "no account manager named '" + InputLimits.echo(manager) + "'");
            return null;
        }
        return manager;
    }
}
