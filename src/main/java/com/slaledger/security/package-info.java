/**
 * Who may sign in and what each role may do: users and roles in PostgreSQL (bcrypt), HTTP Basic and
 * API tokens for the REST API, form login for pages, login throttling, the account-manager scope and
 * the constant-time check of webhook secrets. Resources protect themselves with {@code @RolesAllowed}
 * naming the {@link com.slaledger.security.Role} constants.
 */
package com.slaledger.security;
