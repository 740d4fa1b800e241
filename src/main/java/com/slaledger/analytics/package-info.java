/**
 * The mathematics of SLA Ledger, written to read like SPEC.md: time windows, interval
 * algebra, availability and downtime, error budgets, SLA breach and credit, response
 * times (MTTD/MTTA/MTTR), MTBF and monthly trends.
 *
 * <p>Plain Java and commons-math3 only, records in and records out, so the figures can be
 * checked without a database or a container. Time is kept in {@code long} microseconds
 * (PostgreSQL's precision) and every figure that decides money is an exact
 * {@link java.math.BigDecimal}; floating point appears only in trend statistics.
 */
package com.slaledger.analytics;
