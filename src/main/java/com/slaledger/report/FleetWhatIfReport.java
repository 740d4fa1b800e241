package com.slaledger.report;

import java.time.Instant;
import java.util.List;

/**
 * A proposed contract tried on many clients' past months at once (every client, or an account manager's):
 * per client the credit per currency under the current contracts and under the proposal, and the grand
 * totals per currency. The month-by-month figures of one client are {@link WhatIfReport}'s; they are the
 * same figures, worked out with the same shared measurement as the all-clients month report.
 *
 * @param clients one row per client with a contract in force in at least one month of the range, by key
 * @param totals  per currency over every row; amounts in different currencies are never added
 */
public record FleetWhatIfReport(String from, String to, Instant asOf, boolean provisional, List<ClientRow> clients,
        List<WhatIfReport.CurrencyTotal> totals) {

    /**
     * @param monthsInForce months of the range in which a contract version was in force
     * @param totals        this client's credit per currency, current against proposal
     */
    public record ClientRow(String clientKey, String clientName, int monthsInForce,
            List<WhatIfReport.CurrencyTotal> totals) {
    }
}
