/**
 * Maintenance windows: planned periods for all clients, listed clients or listed services. Announced
 * windows are taken out of the measured time when availability is computed.
 */
package com.slaledger.maintenance;
