package com.slaledger.security;

import java.util.List;

/**
 * The roles of the SPEC's "Who may do what", as constants for {@code @RolesAllowed}; a user may hold
 * several. A resource names who may call it, e.g. SLA reports
 * {@code @RolesAllowed({Role.SRE, Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})} and reliability
 * {@code @RolesAllowed({Role.SRE, Role.ADMIN})}.
 */
public final class Role {

    /** Records and edits incidents and maintenance windows; reads reliability. */
    public static final String SRE = "sre";
    /** Reads their own clients, those clients' incidents and SLA reports. */
    public static final String ACCOUNT_MANAGER = "account-manager";
    /** Reads SLA reports and credits; reads contracts and edits their fees. */
    public static final String FINANCE = "finance";
    /** Everything, including clients, contracts, services and users. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(SRE, ACCOUNT_MANAGER, FINANCE, ADMIN);

    private Role() {
    }

    public static boolean isKnown(String role) {
        // Set.of(...).contains(null) throws: a null role (e.g. "roles":[null]) is simply not a role
        return role != null && ALL.contains(role);
    }
}
