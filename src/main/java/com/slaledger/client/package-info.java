/**
 * Clients: the customer accounts whose SLAs we measure, each with its own time zone for
 * calendar months, its account manager and an active flag.
 */
package com.slaledger.client;
