package com.slaledger.whatif;

import com.slaledger.report.ContractProposal;

/**
 * A what-if for many clients: every client ({@code clients} {@code all}, the default) or those of one
 * account manager ({@code clients} {@code manager:<username>}: a 400 naming {@code clients} when nobody has that
 * name; no rows when that manager looks after no client), over the months {@code from..to} ({@code YYYY-MM}, both
 * inclusive, at most 36) with one proposal.
 */
public record FleetWhatIfRequest(String clients, String from, String to, ContractProposal proposal) {
}
