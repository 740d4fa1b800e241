package com.slaledger.report;

/** How the reliability report groups incidents; {@code NONE} makes one group of all of them. */
public enum ReliabilityGrouping {
    NONE,
    /** An incident affecting two services counts in both groups. */
    SERVICE,
    SEVERITY,
    /** By the clients an incident affects (SPEC's rule), so one incident may count for many clients. */
    CLIENT,
    /** By the UTC calendar month the incident started in. */
    MONTH
}
