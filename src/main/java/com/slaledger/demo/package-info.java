/**
 * Demo data: eight clients in several time zones and currencies, their contracts, maintenance and
 * eighteen months of incidents, loaded once on the first run so a newcomer has something to click
 * through. Deterministic: the same day gives the same data.
 */
package com.slaledger.demo;
