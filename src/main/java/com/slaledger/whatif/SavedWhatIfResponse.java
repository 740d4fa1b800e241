package com.slaledger.whatif;

import com.slaledger.report.ContractProposal;
import com.slaledger.report.WhatIfReport;
import java.time.Instant;

/**
 * A saved what-if as the API shows it.
 *
 * @param from   the first month, {@code YYYY-MM}
 * @param to     the last month, {@code YYYY-MM}, included
 * @param report the figures worked out now, on opening; null in lists
 */
public record SavedWhatIfResponse(long id, String clientKey, String name, String from, String to,
        ContractProposal proposal, String createdBy, Instant createdAt, WhatIfReport report) {
}
