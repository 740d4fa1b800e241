/**
 * The audit trail: who changed which incident, contract, credit or service calendar, when, and what it looked
 * like before and after. Features write to it through {@link com.slaledger.audit.AuditTrail} in the transaction
 * of the change itself, so a change and its record commit or roll back together. Admins read all of it; a
 * credit's and a calendar's page show their own entries.
 */
package com.slaledger.audit;
