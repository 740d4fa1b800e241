/**
 * Service calendars: the weekly service hours and holidays a business-hours SLA measures in (see
 * {@code docs/service-hours.md}). A contract may name one; its reports then leave the time outside service hours
 * out of the measured window, like announced maintenance.
 */
package com.slaledger.calendar;
