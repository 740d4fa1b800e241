/**
 * The server-rendered pages: one layout ({@code templates/base.html}), the formatters every page
 * shares (instants with their zone, durations, percentages, money), the HTML error pages, and the
 * incident pages. Pages call the features' services, never their tables, and keep the JSON API's
 * rules: what a form sends goes through the same validation as an API request.
 */
package com.slaledger.web;
