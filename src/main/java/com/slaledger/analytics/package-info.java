/**
 * The mathematics of SLA Ledger, written to read like SPEC.md: time windows, interval
 * algebra, availability and downtime, error budgets, SLA breach and credit, response
 * times (MTTD/MTTA/MTTR), MTBF and monthly trends.
 *
 * <p>Plain Java and commons-math3 only, records in and records out, so the figures can be
 * checked without a database or a container. Time is kept in {@code long} microseconds
 * (PostgreSQL's precision) and every figure that decides money is an exact
 * {@link java.math.BigDecimal}; floating point appears only in trend statistics. The availability
 * sweep, the hot loop of the fleet reports, stays exact without {@code BigDecimal}: instants in
 * {@code long} microseconds, weights in whole hundred-millionths (an impact percent's millionths, its
 * stored precision) and the downtime summed in {@code long}s, made a decimal once per window. A report
 * measuring many clients over the same incidents prepares them once ({@link com.slaledger.analytics.ImpactTable}:
 * intervals and weights by position) and gives each client's incidents as positions.
 */
package com.slaledger.analytics;
