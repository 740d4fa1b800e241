package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every path outside the API answers a page in the layout whatever the status, with the words of the
 * refusal; the API keeps its problem JSON. Refusals come from three places: the HTTP role rules (before
 * any resource), the resources' role annotations, and the services (unknown keys, bad parameters).
 */
@QuarkusTest
class ErrorPagesTest {

    /** A styled page: the layout's stylesheet and menu, the status and title in words. */
    private static ValidatableResponse assertErrorPage(ValidatableResponse response, int status, String title) {
        return response.statusCode(status).contentType(startsWith("text/html"))
                .body(containsString("<link rel=\"stylesheet\" href=\"/css/app.css\">"))
                .body(containsString("<p class=\"error-status\">Error " + status + "</p>"))
                .body(containsString("<h1>" + title + "</h1>"))
                .body(containsString("class=\"site-nav\""));
    }

    @Test
    void aRoleRuleOfTheHttpLayerAnswersTheForbiddenPageNotAnEmptyBody() {
        // finance opening an incident link, an SRE opening credits or clients: refused before any resource runs
        TestUsers.TestUser finance = TestUsers.withRole(Role.FINANCE);
        assertErrorPage(finance.given().accept("text/html").get("/incidents/1").then(), 403, "Not open to your role")
                .body(containsString("<a href=\"/credits\">Credits</a>"))
                .body(not(containsString("<a href=\"/incidents\">")));
        TestUsers.TestUser sre = TestUsers.withRole(Role.SRE);
        assertErrorPage(sre.given().accept("text/html").get("/credits").then(), 403, "Not open to your role");
        assertErrorPage(sre.given().accept("text/html").get("/clients").then(), 403, "Not open to your role")
                .body(containsString("<a href=\"/reliability\">Reliability</a>"));
        // a form post refused by the same rules
        assertErrorPage(finance.given().accept("text/html").contentType(ContentType.URLENC)
                .formParam("title", "x").post("/incidents").then(), 403, "Not open to your role");
        // the API answers a problem
        sre.given().accept("application/json").get("/api/reports/sla?month=2024-01").then().statusCode(403)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(403))
                .body(not(containsString("<html")));
    }

    @Test
    void aFormPostWithoutItsCsrfTokenAnswersAPageSayingWhatToDoNotAnEmptyBody() {
        // a form page left open too long, or a form posted from another site: the CSRF check says no
        TestUsers.TestUser sre = TestUsers.withRole(Role.SRE);
        assertErrorPage(sre.given().accept("text/html").contentType(ContentType.URLENC)
                .formParam("title", "Never saved").formParam("scope", "ALL_CLIENTS").post("/maintenance").then(),
                400, "This form was not accepted")
                .body(containsString("reload the page and send the form again"));
        assertErrorPage(sre.given().accept("text/html").contentType(ContentType.URLENC).cookie("csrf-token", "stale")
                .formParam("csrf-token", "other").formParam("title", "Never saved").post("/maintenance").then(),
                400, "This form was not accepted");
    }

    @Test
    void aFormWithMoreFieldsThanTheParserTakesIsA413PageNotAPlainTextError() {
        TestUsers.TestUser sre = TestUsers.withRole(Role.SRE);
        var request = sre.given().accept("text/html").contentType(ContentType.URLENC).formParam("title", "Too many");
        for (int i = 0; i <= RouterFailurePages.MAX_FORM_FIELDS; i++) {
            request = request.formParam("clients", "c" + i);
        }
        assertErrorPage(request.post("/maintenance").then(), 413, "This form is too large")
                .body(not(containsString("Param limit")));
    }

    @Test
    void theServicesRefusalsOnPagesArePagesAndTheApiKeepsProblemJson() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("UTC");
        assertErrorPage(given().accept("text/html").get("/clients/no-such-client").then(), 404, "Not found")
                .body(containsString("No client &#39;no-such-client&#39;"));
        assertErrorPage(given().accept("text/html").queryParam("month", "2024-13").get("/clients/" + example.client())
                .then(), 400, "This address has mistakes").body(containsString("<code>month</code>"));
        // the worked example's contract starts 2023-01: December 2022 has none
        assertErrorPage(given().accept("text/html").queryParam("month", "2022-12").get("/clients/" + example.client())
                .then(), 404, "Not found").body(containsString("has no contract in force in 2022-12"));
        assertErrorPage(given().accept("text/html").queryParam("month", "2099-01").get("/credits").then(), 404,
                "Not found").body(containsString("2099-01 has not started yet"));
        assertErrorPage(given().accept("text/html").get("/no/such/page").then(), 404, "Page not found");
        // curl's */* on a page path means the page too
        given().accept("*/*").get("/clients/no-such-client").then().statusCode(404).contentType(startsWith("text/html"));
        given().accept("application/json").get("/api/clients/no-such-client").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("detail", equalTo("No client 'no-such-client'"));
    }

    @Test
    void anAccountManagerOpeningSomeoneElsesClientGetsTheNotFoundPage() {
        TestUsers.TestUser manager = TestUsers.create("am-pages", Role.ACCOUNT_MANAGER);
        String client = Fixtures.client("someone-elses");
        given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2024-01-01", "coveredServices",
                java.util.List.of(Fixtures.service("svc")), "targetPercent", 99.9, "creditTiers", java.util.List.of(),
                "monthlyFee", Map.of("amount", "100.00", "currency", "EUR")))
                .post("/api/clients/" + client + "/contracts").then().statusCode(201);
        assertErrorPage(manager.given().accept("text/html").queryParam("month", "2024-01").get("/clients/" + client)
                .then(), 404, "Not found");
    }

    @Test
    void theSignInPageIsStyledAndTheFaviconIsServed() {
        given().auth().none().accept("text/html").get("/login").then().statusCode(200)
                .body(containsString("<link rel=\"stylesheet\" href=\"/css/app.css\">"))
                .body(containsString("<link rel=\"icon\" href=\"/favicon.svg\""))
                .body(containsString("class=\"sign-in\""));
        given().auth().none().get("/favicon.ico").then().statusCode(200).contentType(startsWith("image/"));
        given().auth().none().get("/favicon.svg").then().statusCode(200).contentType(startsWith("image/svg"))
                .body(containsString("<svg"));
    }

    @Test
    void financeOpensCreditsOnTheLastClosedMonth() {
        YearMonth lastClosed = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        TestUsers.withRole(Role.FINANCE).given().accept("text/html").get("/credits").then().statusCode(200)
                .body(containsString("<h1>Credits for " + lastClosed));
        // the others watch the month under way
        given().accept("text/html").get("/credits").then().statusCode(200)
                .body(containsString("<h1>Credits for " + YearMonth.now(ZoneOffset.UTC)));
    }
}
