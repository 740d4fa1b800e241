package com.slaledger.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.RawHttp;
import com.slaledger.testing.SignInAsTestAdmin;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Refusals that once came back with an empty body, each now a problem JSON on the API and a page elsewhere:
 * a role rule saying no (at the HTTP layer and at a resource), a body above the HTTP layer's limit, an address
 * too long, a transaction that outlived its timeout. {@link ProductionHttpRefusalsTest} repeats them with the
 * {@code prod} configuration.
 */
@QuarkusTest
class HttpRefusalsTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(20);
    private static final String ADMIN = "Authorization: Basic " + Base64.getEncoder().encodeToString(
            (SignInAsTestAdmin.USERNAME + ":" + SignInAsTestAdmin.PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static JsonPath problem(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.statusLine() + " " + answer.body());
        assertTrue(answer.headers().get("content-type").startsWith("application/problem+json"),
                answer.headers().toString());
        assertEquals("no-store", answer.headers().get("cache-control"));
        JsonPath body = JsonPath.from(answer.body());
        assertEquals(status, body.getInt("status"));
        return body;
    }

    private static String page(RawHttp.Answer answer, int status) {
        assertEquals(status, answer.status(), answer.statusLine() + " " + answer.body());
        assertTrue(answer.headers().get("content-type").startsWith("text/html"), answer.headers().toString());
        assertTrue(answer.body().contains("<link rel=\"stylesheet\" href=\"/css/app.css\">"), answer.body());
        return answer.body();
    }

    @Test
    void aSignedInCallerWithoutTheRoleGetsAProblemOnTheApiAndAPageElsewhere() {
        TestUser sre = TestUsers.withRole(Role.SRE);
        // a resource's role rule (@RolesAllowed admin): the user list
        sre.given().accept("application/json").when().get("/api/users").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403)).body("title", equalTo("Forbidden"))
                .body("detail", equalTo("You are signed in, but your roles do not allow this request"))
                .body("instance", equalTo("/api/users"));
        // a role rule of the HTTP layer (incident-importers: sre and admin), refused before the body is read
        TestUser accountManager = TestUsers.withRole(Role.ACCOUNT_MANAGER);
        accountManager.given().contentType("text/csv").body("source,externalId\n")
                .when().post("/api/incidents/import").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403)).body("title", equalTo("Forbidden"))
                .body("detail", equalTo("You are signed in, but your roles do not allow this request"))
                .body("instance", equalTo("/api/incidents/import"));
        // a page of the same HTTP layer's rules: the layout's error page
        sre.given().accept("text/html").when().get("/admin/users").then().statusCode(403)
                .contentType(startsWith("text/html")).body(containsString("<h1>Not open to your role</h1>"));
    }

    @Test
    void aBodyAboveTheHttpLimitIsRefusedWithAProblemOrAPageBeforeItIsRead() {
        // quarkus.http.limits.max-body-size=65M: 65 × 1024 × 1024 = 68,157,440 bytes; one more is refused. The
        // body is never sent: the answer comes from the declared length alone.
        String tooLong = "Content-Length: 68157441";
        JsonPath api = problem(RawHttp.send("127.0.0.1", RestAssured.port, PROMPTLY, "POST /api/services HTTP/1.1",
                ADMIN, "Content-Type: application/json", tooLong), 413);
        assertEquals("Content too large", api.getString("title"));
        assertEquals("The body has 68157441 bytes; the service accepts at most 68157440 bytes in one request",
                api.getString("detail"));
        assertEquals("/api/services", api.getString("instance"));

        String upload = page(RawHttp.send("127.0.0.1", RestAssured.port, PROMPTLY, "POST /incidents/upload HTTP/1.1",
                ADMIN, "Content-Type: multipart/form-data; boundary=x", tooLong), 413);
        assertTrue(upload.contains("<h1>Content too large</h1>"), upload);
        assertTrue(upload.contains("The body has 68157441 bytes; the service accepts at most 68157440 bytes"), upload);
    }

    @Test
    void anAddressLongerThanTheLimitIsRefusedWithAProblemOrAPageBeforeSigningIn() {
        // "/api/services?q=" is 16 characters: with 4,080 more the address has exactly the 4,096 accepted
        RawHttp.Answer atTheLimit = RawHttp.send("127.0.0.1", RestAssured.port, PROMPTLY,
                "GET /api/services?q=" + "x".repeat(4_080) + " HTTP/1.1");
        assertEquals(401, atTheLimit.status(), "anonymous, so asked to sign in: " + atTheLimit.statusLine());

        JsonPath api = problem(RawHttp.send("127.0.0.1", RestAssured.port, PROMPTLY,
                "GET /api/services?q=" + "x".repeat(4_081) + " HTTP/1.1"), 414);
        assertEquals("URI too long", api.getString("title"));
        assertEquals("The address has 4097 characters; the service accepts at most 4096", api.getString("detail"));
        assertEquals("/api/services", api.getString("instance"));

        // "/incidents?client=" is 18 characters: 18 + 5,000
        String page = page(RawHttp.send("127.0.0.1", RestAssured.port, PROMPTLY,
                "GET /incidents?client=" + "x".repeat(5_000) + " HTTP/1.1"), 414);
        assertTrue(page.contains("<h1>URI too long</h1>"), page);
        assertTrue(page.contains("The address has 5018 characters; the service accepts at most 4096"), page);
        assertFalse(page.contains("xxxxxxxxxx"), "the address is not quoted back");

        // past the HTTP codec's own limit of the request line (65,536) only the codec answers, with an empty 414
        RawHttp.Answer pastTheCodec = RawHttp.send("127.0.0.1", RestAssured.port, PROMPTLY,
                "GET /api/services?q=" + "x".repeat(70_000) + " HTTP/1.1");
        assertEquals(414, pastTheCodec.status(), pastTheCodec.statusLine());
        assertEquals("", pastTheCodec.body());
    }

    @Test
    void aTransactionThatOutlivesItsTimeoutIsA503WithRetryAfterNotA500() {
        String detail = "The request took longer than one transaction may last and was rolled back; nothing was"
                + " changed. Retry in 10 seconds";
        RestAssured.given().accept("application/json").when().get("/api/test-only/slow-transaction").then()
                .statusCode(503).header("Retry-After", "10").contentType(startsWith("application/problem+json"))
                .body("status", equalTo(503)).body("title", equalTo("Service Unavailable"))
                .body("detail", equalTo(detail)).body("instance", equalTo("/api/test-only/slow-transaction"));
        RestAssured.given().accept("text/html").when().get("/test-only/slow-transaction").then()
                .statusCode(503).header("Retry-After", "10").contentType(startsWith("text/html"))
                .body(containsString("<p class=\"error-status\">Error 503</p>"))
                .body(containsString("<h1>Not available right now</h1>"))
                .body(containsString(detail));
    }
}
