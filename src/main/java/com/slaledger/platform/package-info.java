/**
 * What every feature stands on: starting an embedded PostgreSQL when no database is configured,
 * and turning bad requests into RFC 9457 problem JSON that names each bad field.
 */
package com.slaledger.platform;
