/**
 * Contracts: a client's SLA in dated versions (covered services, target, credit tiers, monthly fee,
 * cap, impact model), at most one in force on any day, and the look-ups by day and by period that
 * incidents and the SLA reports use to know which terms applied.
 */
package com.slaledger.contract;
