/**
 * Credit claims: each breached, closed client-month becomes a credit that finance works from owed to issued
 * ({@code owed → claimed → approved | rejected → issued}, or {@code expired} when an owed credit's claim
 * deadline passes). Credits come from the month report ({@code SlaReportService.allClients}) through a sync
 * that runs on a schedule and on demand; a credit already issued is never rewritten when its month's figures
 * change, it is flagged for review instead. Every change is audited. Rules: docs/credit-claims.md.
 */
package com.slaledger.credit;
