package com.slaledger.whatif;

import com.slaledger.report.ContractProposal;

/**
 * A what-if to keep under a name (1 to 100 characters, unique per client, no control, bidirectional control or
 * unpaired surrogate character): the months {@code from..to} ({@code YYYY-MM}, both inclusive, at most 36) and the
 * proposal, checked as {@code POST /api/what-if} checks them. Also the body that changes a saved one.
 */
public record SaveWhatIfRequest(String name, String from, String to, ContractProposal proposal) {
}
