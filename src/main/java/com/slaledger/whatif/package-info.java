/**
 * Contract what-ifs: a proposed contract (target, credit tiers, cap, impact model, minimum outage, fee) tried
 * on a client's past months, or many clients' at once, side by side with the contracts that were in force;
 * saved what-ifs, re-evaluated whenever they are opened, their creation, changes and deletion audited. The
 * figures come from {@code report.WhatIfService}, which measures exactly as the month reports do; nothing here
 * writes a contract.
 */
package com.slaledger.whatif;
