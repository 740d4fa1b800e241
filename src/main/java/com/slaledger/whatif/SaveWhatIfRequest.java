package com.slaledger.whatif;

import com.slaledger.report.ContractProposal;

/**
 * A what-if to keep under a name (1 to 100 characters, unique per client): the months {@code from..to}
 * ({@code YYYY-MM}, both inclusive, at most 36) and the proposal, checked as {@code POST /api/what-if} checks them.
 */
public record SaveWhatIfRequest(String name, String from, String to, ContractProposal proposal) {
}
