package com.slaledger.contract;

/** How an incident's {@code impactPercent} weighs in a client's downtime (see SPEC, "Availability"). */
public enum ImpactModel {
    /** Weight {@code impactPercent / 100}. */
    PROPORTIONAL,
    /** Any impact is a full outage. */
    FULL,
    /** A full outage when {@code impactPercent} reaches the contract's threshold, otherwise none. */
    THRESHOLD
}
