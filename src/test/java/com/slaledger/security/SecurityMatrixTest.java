package com.slaledger.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every endpoint of the application against anonymous and each role, from the one
 * table below; a refusal of a signed-in caller is a problem JSON on the API and a page elsewhere. The endpoints are read from the OpenAPI document at test time, so an endpoint added
 * without a row here fails this test until someone decides who may call it.
 */
@QuarkusTest
class SecurityMatrixTest {

    private static final String ANONYMOUS = "anonymous";
    private static final String SRE = Role.SRE;
    private static final String AM = Role.ACCOUNT_MANAGER;
    private static final String FINANCE = Role.FINANCE;
    private static final String ADMIN = Role.ADMIN;
    private static final Set<String> EVERYONE = Set.of(ANONYMOUS, SRE, AM, FINANCE, ADMIN);
    private static final Set<String> SIGNED_IN = Set.of(SRE, AM, FINANCE, ADMIN);
    /** Webhooks: nobody's user credentials open them; only the source's secret (IngestWebhooksTest) does. */
    private static final Set<String> SECRET_ONLY = Set.of("secret-only");

    /** Method and path (as OpenAPI spells it) to the callers who may call it; all others are refused. */
    private static final Map<String, Set<String>> WHO_MAY = new TreeMap<>(Map.ofEntries(
            // sign-in pages
            Map.entry("GET /login", EVERYONE),
            Map.entry("POST /logout", EVERYONE),
            // services: everyone signed in reads, admin changes
            Map.entry("GET /api/services", SIGNED_IN),
            Map.entry("GET /api/services/{key}", SIGNED_IN),
            Map.entry("POST /api/services", Set.of(ADMIN)),
            Map.entry("PUT /api/services/{key}", Set.of(ADMIN)),
            Map.entry("DELETE /api/services/{key}", Set.of(ADMIN)),
            // clients: account managers read (their own), admin everything
            Map.entry("GET /api/clients", Set.of(AM, ADMIN)),
            Map.entry("GET /api/clients/{key}", Set.of(AM, ADMIN)),
            Map.entry("POST /api/clients", Set.of(ADMIN)),
            Map.entry("PUT /api/clients/{key}", Set.of(ADMIN)),
            Map.entry("DELETE /api/clients/{key}", Set.of(ADMIN)),
            // contracts: finance reads and edits fees, admin everything
            Map.entry("GET /api/clients/{clientKey}/contracts", Set.of(FINANCE, ADMIN)),
            Map.entry("GET /api/clients/{clientKey}/contracts/in-force", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /api/clients/{clientKey}/contracts", Set.of(ADMIN)),
            Map.entry("GET /api/contracts/{id}", Set.of(FINANCE, ADMIN)),
            Map.entry("PUT /api/contracts/{id}", Set.of(FINANCE, ADMIN)),
            Map.entry("DELETE /api/contracts/{id}", Set.of(ADMIN)),
            // incidents: sre records and edits, account managers read (their clients')
            Map.entry("GET /api/incidents", Set.of(SRE, AM, ADMIN)),
            Map.entry("GET /api/incidents/{id}", Set.of(SRE, AM, ADMIN)),
            Map.entry("GET /api/incidents/by-key/{source}/{externalId}", Set.of(SRE, AM, ADMIN)),
            Map.entry("POST /api/incidents", Set.of(SRE, ADMIN)),
            Map.entry("PUT /api/incidents/by-key/{source}/{externalId}", Set.of(SRE, ADMIN)),
            Map.entry("POST /api/incidents/batch", Set.of(SRE, ADMIN)),
            Map.entry("PATCH /api/incidents/{id}", Set.of(SRE, ADMIN)),
            Map.entry("POST /api/incidents/{id}/acknowledge", Set.of(SRE, ADMIN)),
            Map.entry("POST /api/incidents/{id}/mitigate", Set.of(SRE, ADMIN)),
            Map.entry("POST /api/incidents/{id}/resolve", Set.of(SRE, ADMIN)),
            Map.entry("DELETE /api/incidents/{id}", Set.of(SRE, ADMIN)),
            // CSV: import by sre and admin; the export reads like the list (account managers: their clients')
            Map.entry("POST /api/incidents/import", Set.of(SRE, ADMIN)),
            Map.entry("GET /api/incidents/export", Set.of(SRE, AM, ADMIN)),
            // postmortem import: whoever records incidents
            Map.entry("POST /api/postmortems/preview", Set.of(SRE, ADMIN)),
            Map.entry("POST /api/postmortems/import", Set.of(SRE, ADMIN)),
            // service calendars: read by whoever reads SLA reports, written by admin as contracts are
            Map.entry("GET /api/service-calendars", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /api/service-calendars/{key}", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /api/service-calendars/{key}/history", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("POST /api/service-calendars", Set.of(ADMIN)),
            Map.entry("PUT /api/service-calendars/{key}", Set.of(ADMIN)),
            Map.entry("DELETE /api/service-calendars/{key}", Set.of(ADMIN)),
            // maintenance windows: sre and admin
            Map.entry("GET /api/maintenance-windows", Set.of(SRE, ADMIN)),
            Map.entry("GET /api/maintenance-windows/{id}", Set.of(SRE, ADMIN)),
            Map.entry("POST /api/maintenance-windows", Set.of(SRE, ADMIN)),
            Map.entry("PUT /api/maintenance-windows/{id}", Set.of(SRE, ADMIN)),
            Map.entry("DELETE /api/maintenance-windows/{id}", Set.of(SRE, ADMIN)),
            // users: admin; a password also by its own user (checked in UserAndTokenTest)
            Map.entry("GET /api/users", Set.of(ADMIN)),
            Map.entry("GET /api/users/{username}", Set.of(ADMIN)),
            Map.entry("POST /api/users", Set.of(ADMIN)),
            Map.entry("PUT /api/users/{username}", Set.of(ADMIN)),
            Map.entry("DELETE /api/users/{username}", Set.of(ADMIN)),
            Map.entry("PUT /api/users/{username}/password", Set.of(ADMIN)),
            // API tokens: everyone signed in, for themselves
            Map.entry("GET /api/tokens", SIGNED_IN),
            Map.entry("POST /api/tokens", SIGNED_IN),
            Map.entry("DELETE /api/tokens/{id}", SIGNED_IN),
            // audit trail: admin
            Map.entry("GET /api/audit", Set.of(ADMIN)),
            // SLA reports: account managers (their clients), finance, admin; reliability and trends: sre, admin
            Map.entry("GET /api/reports/clients/{clientKey}/sla", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /api/reports/sla", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /api/reports/sla/ledger", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /api/reports/reliability", Set.of(SRE, ADMIN)),
            Map.entry("GET /api/reports/trends", Set.of(SRE, ADMIN)),
            // contract what-ifs: who reads SLA reports (account managers their own clients); nothing is written
            Map.entry("POST /api/what-if", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("POST /api/what-if/fleet", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /api/clients/{clientKey}/what-ifs", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("POST /api/clients/{clientKey}/what-ifs", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /api/what-ifs/{id}", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("PUT /api/what-ifs/{id}", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("DELETE /api/what-ifs/{id}", Set.of(AM, FINANCE, ADMIN)),
            // incident pages: the API's rules, for people
            Map.entry("GET /incidents", Set.of(SRE, AM, ADMIN)),
            Map.entry("GET /incidents/{id}", Set.of(SRE, AM, ADMIN)),
            Map.entry("GET /incidents/new", Set.of(SRE, ADMIN)),
            Map.entry("GET /incidents/{id}/edit", Set.of(SRE, ADMIN)),
            Map.entry("POST /incidents", Set.of(SRE, ADMIN)),
            Map.entry("POST /incidents/{id}/edit", Set.of(SRE, ADMIN)),
            Map.entry("POST /incidents/{id}/{step}", Set.of(SRE, ADMIN)),
            Map.entry("GET /incidents/upload", Set.of(SRE, ADMIN)),
            Map.entry("POST /incidents/upload", Set.of(SRE, ADMIN)),
            Map.entry("POST /incidents/upload/{upload}/import", Set.of(SRE, ADMIN)),
            Map.entry("GET /incidents/import", Set.of(SRE, ADMIN)),
            Map.entry("POST /incidents/import/preview", Set.of(SRE, ADMIN)),
            Map.entry("POST /incidents/import", Set.of(SRE, ADMIN)),
            // service calendar pages: the calendar API's rules
            Map.entry("GET /service-calendars", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /service-calendars/{key}", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /service-calendars/new", Set.of(ADMIN)),
            Map.entry("POST /service-calendars", Set.of(ADMIN)),
            Map.entry("POST /service-calendars/{key}", Set.of(ADMIN)),
            Map.entry("POST /service-calendars/{key}/delete", Set.of(ADMIN)),
            // maintenance pages: the maintenance API's rules
            Map.entry("GET /maintenance", Set.of(SRE, ADMIN)),
            Map.entry("GET /maintenance/new", Set.of(SRE, ADMIN)),
            Map.entry("GET /maintenance/{id}", Set.of(SRE, ADMIN)),
            Map.entry("POST /maintenance", Set.of(SRE, ADMIN)),
            Map.entry("POST /maintenance/{id}", Set.of(SRE, ADMIN)),
            Map.entry("POST /maintenance/{id}/delete", Set.of(SRE, ADMIN)),
            // user admin page
            Map.entry("GET /admin/users", Set.of(ADMIN)),
            Map.entry("POST /admin/users", Set.of(ADMIN)),
            Map.entry("POST /admin/users/{username}", Set.of(ADMIN)),
            // setup pages: clients and services, admin
            Map.entry("GET /admin/clients", Set.of(ADMIN)),
            Map.entry("POST /admin/clients", Set.of(ADMIN)),
            Map.entry("GET /admin/clients/{key}", Set.of(ADMIN)),
            Map.entry("POST /admin/clients/{key}", Set.of(ADMIN)),
            Map.entry("GET /admin/services", Set.of(ADMIN)),
            Map.entry("POST /admin/services", Set.of(ADMIN)),
            Map.entry("POST /admin/services/{key}", Set.of(ADMIN)),
            // contract pages: finance reads and edits fees, admin everything
            Map.entry("GET /contracts", Set.of(FINANCE, ADMIN)),
            Map.entry("GET /contracts/{clientKey}", Set.of(FINANCE, ADMIN)),
            Map.entry("GET /contracts/{clientKey}/new", Set.of(ADMIN)),
            Map.entry("POST /contracts/{clientKey}/new", Set.of(ADMIN)),
            Map.entry("GET /contracts/{clientKey}/{id}", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /contracts/{clientKey}/{id}", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /contracts/{clientKey}/{id}/delete", Set.of(ADMIN)),
            // a person's own API tokens
            Map.entry("GET /account/tokens", SIGNED_IN),
            Map.entry("POST /account/tokens", SIGNED_IN),
            Map.entry("POST /account/tokens/{id}/revoke", SIGNED_IN),
            // SLA pages: the SLA reports' rules
            Map.entry("GET /credits", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /clients", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /clients/{key}", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /clients/{key}/report", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /clients/{key}/window", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /clients/{key}/what-if", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("POST /clients/{key}/what-if", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("POST /clients/{key}/what-if/save", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("POST /clients/{key}/what-if/{id}/update", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("POST /clients/{key}/what-if/{id}/delete", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /credits/ledger", Set.of(AM, FINANCE, ADMIN)),
            // credit claims: finance and admin work them; account managers read their own clients'
            Map.entry("GET /api/credits", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /api/credits/{id}", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /api/credits/export", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /api/credits/sync", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /api/credits/approve", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /api/credits/issue", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /api/credits/{id}/claim", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /api/credits/{id}/approve", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /api/credits/{id}/reject", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /api/credits/{id}/issue", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /api/credits/{id}/resolve-review", Set.of(FINANCE, ADMIN)),
            Map.entry("GET /credits/claims", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /credits/claims/{id}", Set.of(AM, FINANCE, ADMIN)),
            Map.entry("GET /credits/claims/export", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /credits/claims/approve", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /credits/claims/sync", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /credits/claims/{id}/claim", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /credits/claims/{id}/approve", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /credits/claims/{id}/reject", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /credits/claims/{id}/issue", Set.of(FINANCE, ADMIN)),
            Map.entry("POST /credits/claims/{id}/resolve-review", Set.of(FINANCE, ADMIN)),
            // the dashboard: everyone signed in; reliability: sre and admin
            Map.entry("GET /", SIGNED_IN),
            Map.entry("GET /reliability", Set.of(SRE, ADMIN)),
            // webhooks: by their source's secret or signature only, so every caller here is refused (401)
            Map.entry("POST /api/ingest/alertmanager", SECRET_ONLY),
            Map.entry("POST /api/ingest/grafana", SECRET_ONLY),
            Map.entry("POST /api/ingest/pagerduty", SECRET_ONLY),
            Map.entry("POST /api/ingest/opsgenie", SECRET_ONLY),
            // the ingest inbox and its replay: admin
            Map.entry("GET /api/ingest/deliveries", Set.of(ADMIN)),
            Map.entry("GET /api/ingest/deliveries/{id}", Set.of(ADMIN)),
            Map.entry("POST /api/ingest/deliveries/{id}/replay", Set.of(ADMIN)),
            Map.entry("POST /api/ingest/deliveries/replay", Set.of(ADMIN)),
            Map.entry("GET /admin/ingest", Set.of(ADMIN)),
            Map.entry("GET /admin/ingest/{id}", Set.of(ADMIN)),
            Map.entry("POST /admin/ingest/{id}/replay", Set.of(ADMIN)),
            Map.entry("POST /admin/ingest/replay", Set.of(ADMIN))));

    /** Path parameters that name nothing, so an allowed call changes nothing (404 or 400). */
    private static final Map<String, String> NOTHING = Map.of(
            "{key}", "zz-matrix-nothing", "{clientKey}", "zz-matrix-nothing", "{id}", "0",
            "{source}", "zz-matrix", "{externalId}", "nothing", "{username}", "zz-matrix-nothing",
            "{step}", "resolve", "{upload}", "zz-matrix-nothing");

    @Test
    void everyEndpointOfTheApplicationHasARowInTheTable() {
        Set<String> documented = documentedEndpoints();
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(WHO_MAY.keySet());
        Set<String> stale = new TreeSet<>(WHO_MAY.keySet());
        stale.removeAll(documented);
        assertTrue(missing.isEmpty(), "endpoints nobody decided who may call; add them to WHO_MAY: " + missing);
        assertTrue(stale.isEmpty(), "rows for endpoints that no longer exist: " + stale);
    }

    @Test
    void everyCallerGetsExactlyWhatTheTableSays() {
        Map<String, TestUsers.TestUser> users = Map.of(SRE, TestUsers.withRole(SRE), AM, TestUsers.withRole(AM),
                FINANCE, TestUsers.withRole(FINANCE), ADMIN, TestUsers.withRole(ADMIN));
        List<String> wrong = new ArrayList<>();
        WHO_MAY.forEach((endpoint, allowed) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (String caller : EVERYONE) {
                RequestSpecification request = caller.equals(ANONYMOUS) ? given().auth().none()
                        : users.get(caller).given();
                Response response = call(request.redirects().follow(false), method, concrete(path));
                int status = response.statusCode();
                String verdict;
                if (allowed == SECRET_ONLY) {
                    verdict = status == 401 ? null : "not refused without the webhook secret";
                } else if (allowed.contains(caller)) {
                    verdict = status == 401 || status == 403 || status >= 500 ? "refused or failed" : null;
                } else if (caller.equals(ANONYMOUS)) {
                    // the API answers 401; pages send a person to the sign-in page
                    boolean toSignIn = status == 302 && String.valueOf(response.header("Location")).endsWith("/login");
                    verdict = status == 401 || (toSignIn && !path.startsWith("/api")) ? null : "not asked to sign in";
                } else if (status != 403) {
                    verdict = "not forbidden";
                } else {
                    verdict = forbiddenInWords(path, response);
                }
                if (verdict != null) {
                    wrong.add(caller + " " + endpoint + " -> " + status + " (" + verdict + ")");
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    /**
     * Null when the 403 says so in the caller's format: a problem JSON with its status on the API, an HTML
     * page elsewhere (never an empty body, whichever layer refused: an HTTP role rule or a resource's).
     */
    private static String forbiddenInWords(String path, Response response) {
        String type = String.valueOf(response.contentType());
        if (path.startsWith("/api")) {
            boolean problem = type.startsWith("application/problem+json")
                    && Integer.valueOf(403).equals(response.jsonPath().get("status"));
            return problem ? null : "a 403 without a problem: '" + type + "' " + response.body().asString();
        }
        return type.startsWith("text/html") ? null : "a 403 without a page: '" + type + "'";
    }

    private static Set<String> documentedEndpoints() {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> endpoints = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method))
                .forEach(method -> endpoints.add(method.toUpperCase() + " " + path)));
        assertTrue(endpoints.size() > 30, "the OpenAPI document lists too few endpoints: " + endpoints);
        return endpoints;
    }

    private static String concrete(String path) {
        String result = path;
        for (Map.Entry<String, String> parameter : NOTHING.entrySet()) {
            result = result.replace(parameter.getKey(), parameter.getValue());
        }
        return result;
    }

    private static Response call(RequestSpecification request, String method, String path) {
        if (Set.of("POST", "PUT", "PATCH").contains(method)) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.when().request(method, path);
    }
}
