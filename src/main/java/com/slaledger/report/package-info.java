/**
 * Reports: a client's SLA month, every client's month for finance, reliability (MTTD/MTTA/MTTR/MTBF)
 * and monthly trends, as JSON and, where a spreadsheet wants the rows, CSV.
 *
 * <p>Entity-free on purpose: each report reads contracts, maintenance windows and incidents in a fixed
 * number of queries through the other features' services and {@link com.slaledger.incident.IncidentImpactQuery},
 * indexes them in memory ({@link com.slaledger.report.IncidentIndex}, {@link com.slaledger.report.MaintenanceIndex})
 * and leaves every figure to {@link com.slaledger.analytics}, so a report never computes a number the
 * analytics core does not.
 */
package com.slaledger.report;
