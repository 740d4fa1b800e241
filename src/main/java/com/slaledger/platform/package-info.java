/**
 * What every feature stands on: starting an embedded PostgreSQL when no database is configured, the
 * optional read replica for reports ({@link com.slaledger.platform.ReportDatabase}), writing many rows
 * beside the ORM ({@link com.slaledger.platform.SequenceIds}, {@link com.slaledger.platform.CopyRows}),
 * and turning bad requests into RFC 9457 problem JSON that names each bad field.
 */
package com.slaledger.platform;
