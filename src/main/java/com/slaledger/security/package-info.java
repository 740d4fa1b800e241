/**
 * Who may sign in and what each role may do: users and roles in PostgreSQL (bcrypt), HTTP Basic and
 * API tokens for the REST API, form login for pages with server-side sessions ({@link
 * com.slaledger.security.UserSessions}) and a key kept in the database, sign-in limits shared through
 * PostgreSQL with known-device cookies, the CSRF rule for session cookies on the API, the
 * account-manager scope and the constant-time check of webhook secrets (docs/security.md).
 * Resources protect themselves with {@code @RolesAllowed} naming the {@link com.slaledger.security.Role}
 * constants.
 */
package com.slaledger.security;
