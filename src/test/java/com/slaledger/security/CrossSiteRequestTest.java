package com.slaledger.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestUsers.TestUser;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A foreign page cannot use a signed-in browser's cookies to change anything through the API, and the
 * lifecycle steps take JSON or no body, never a form's or {@code text/plain} body.
 */
@QuarkusTest
class CrossSiteRequestTest {

    private static final String EVIL = "https://evil.example";

    private static int openIncident() {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "test");
        body.put("externalId", TestData.uniqueKey("csrf"));
        body.put("title", "Checkout returns 500");
        body.put("severity", "SEV2");
        body.put("affectedServices", List.of(Fixtures.service("csrf")));
        body.put("impactPercent", 40);
        body.put("startedAt", "2024-03-05T10:00:00Z");
        return given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
    }

    private static void assertStillOpen(int id) {
        given().get("/api/incidents/" + id).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("resolvedAt", nullValue()).body("acknowledgedAt", nullValue());
    }

    @Test
    void aCrossSitePlainTextPostWithTheVictimsCookiesChangesNothing() {
        TestUser victim = TestUsers.create("victim", Role.SRE);
        Map<String, String> cookies = SessionsTest.signIn(victim);
        int id = openIncident();

        // what a foreign page's <form enctype="text/plain"> or fetch(..., {mode: "no-cors"}) sends
        given().auth().none().cookies(cookies).header("Origin", EVIL).contentType("text/plain")
                .body("{\"at\":\"2024-03-05T11:00:00Z\"}").when().post("/api/incidents/" + id + "/resolve")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().auth().none().cookies(cookies).header("Origin", EVIL).contentType(ContentType.JSON)
                .when().post("/api/incidents/" + id + "/acknowledge").then().statusCode(403);
        // no Origin and no token is refused too (an old browser, or a privacy setting dropping Origin)
        given().auth().none().cookies(cookies).contentType(ContentType.JSON)
                .when().post("/api/incidents/" + id + "/resolve").then().statusCode(403);
        // a token header that does not match the CSRF cookie
        given().auth().none().cookies(cookies).cookie("csrf-token", "cookie-value")
                .header(CrossSiteRequestFilter.TOKEN_HEADER, "other-value").contentType(ContentType.JSON)
                .when().post("/api/incidents/" + id + "/resolve").then().statusCode(403);
        assertStillOpen(id);

        // reading stays possible (a foreign page cannot read the answer), and our own pages may write
        given().auth().none().cookies(cookies).header("Origin", EVIL).when().get("/api/incidents/" + id)
                .then().statusCode(200);
        String own = "http://localhost:" + RestAssured.port;
        given().auth().none().cookies(cookies).header("Origin", own).contentType(ContentType.JSON)
                .body(Map.of("at", "2024-03-05T10:05:00Z"))
                .when().post("/api/incidents/" + id + "/acknowledge").then().statusCode(200)
                .body("acknowledgedAt", equalTo("2024-03-05T10:05:00Z"));
        // the CSRF token of one of our pages, sent back in the header, as a script of ours would
        String csrf = given().auth().none().cookies(cookies).accept(ContentType.HTML).when().get("/incidents/new")
                .then().statusCode(200).extract().cookie("csrf-token");
        given().auth().none().cookies(cookies).cookie("csrf-token", csrf)
                .header(CrossSiteRequestFilter.TOKEN_HEADER, csrf).contentType(ContentType.JSON)
                .body(Map.of("at", "2024-03-05T11:00:00Z"))
                .when().post("/api/incidents/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
    }

    @Test
    void lifecycleStepsTakeJsonOrNoBodyOnly() {
        int id = openIncident();
        for (String step : List.of("acknowledge", "mitigate", "resolve")) {
            given().contentType("text/plain").body("{\"at\":\"2024-03-05T11:00:00Z\"}")
                    .when().post("/api/incidents/" + id + "/" + step)
                    .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
            // a form post is stopped earlier still, by the page forms' CSRF check (no token): 400
            given().contentType(ContentType.URLENC).formParam("at", "2024-03-05T11:00:00Z")
                    .when().post("/api/incidents/" + id + "/" + step).then().statusCode(400);
            given().contentType("application/xml").body("<at>2024-03-05T11:00:00Z</at>")
                    .when().post("/api/incidents/" + id + "/" + step).then().statusCode(415);
        }
        assertStillOpen(id);
        // JSON with a charset, and no body at all (no Content-Type), are accepted
        given().contentType("application/json; charset=UTF-8").body("{\"at\":\"2024-03-05T10:05:00Z\"}")
                .when().post("/api/incidents/" + id + "/acknowledge").then().statusCode(200)
                .body("acknowledgedAt", equalTo("2024-03-05T10:05:00Z"));
        given().noContentType().when().post("/api/incidents/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
    }

    @Test
    void scriptsWithBasicOrATokenAreNotAskedForAnOrigin() {
        int id = openIncident();
        given().header("Origin", EVIL).contentType(ContentType.JSON).body(Map.of("at", "2024-03-05T10:05:00Z"))
                .when().post("/api/incidents/" + id + "/acknowledge").then().statusCode(200);
    }
}
