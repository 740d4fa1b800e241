package com.slaledger.whatif;

import com.slaledger.report.ContractProposal;

/**
 * A what-if for one client: its key, the months {@code from..to} ({@code YYYY-MM}, both inclusive, at most
 * 36, none after the current month in the client's zone) and the proposal; a missing proposal changes nothing.
 */
public record WhatIfRequest(String clientKey, String from, String to, ContractProposal proposal) {
}
