/**
 * The audit trail: who changed which incident or contract, when, and what it looked like before and
 * after. Features write to it through {@link com.slaledger.audit.AuditTrail} in the transaction of the
 * change itself, so a change and its record commit or roll back together. Admins read it.
 */
package com.slaledger.audit;
