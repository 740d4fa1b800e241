package com.slaledger.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.RawHttp;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests at the edge of HTTP: paths with {@code ;} get an answer at once, cookies are Secure when a
 * trusted proxy says the client came over HTTPS (and only then), and nothing signed in is cached.
 */
@QuarkusTest
class RequestEdgesTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @Test
    void everyPathWithASemicolonIsAnsweredPromptly() {
        String admin = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                "test-admin:test-admin-password".getBytes());
        for (String path : List.of("/incidents;x", "/api;x/users", "/;", "/login;jsessionid=1", "/incidents/1;a=b",
                "/api/services;x", "/incidents%3Bx")) {
            RawHttp.Answer anonymous = RawHttp.send("127.0.0.1", RestAssured.port, PROMPTLY, "GET " + path + " HTTP/1.1");
            assertEquals(400, anonymous.status(), path + ": " + anonymous.statusLine());
            assertTrue(anonymous.headers().get("content-type").startsWith("application/problem+json"), path);
            RawHttp.Answer signedIn = RawHttp.send("127.0.0.1", RestAssured.port, PROMPTLY,
                    "GET " + path + " HTTP/1.1", admin);
            assertEquals(400, signedIn.status(), path + ": " + signedIn.statusLine());
        }
        // a semicolon or comma in the query of a page that sends an anonymous caller to sign in
        for (String target : List.of("/incidents?client=a;b", "/incidents?client=a,b", "/clients?x=%22;%22")) {
            RawHttp.Answer answer = RawHttp.send("127.0.0.1", RestAssured.port, PROMPTLY, "GET " + target + " HTTP/1.1");
            assertNotEquals(500, answer.status(), target);
            assertTrue(answer.status() < 500, target + ": " + answer.statusLine());
        }
    }

    @Test
    void manyHangingCandidatesAtOnceAreAllAnswered() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 40; i++) {
            int n = i;
            Thread thread = new Thread(() -> statuses.add(RawHttp.send("127.0.0.1", RestAssured.port, PROMPTLY,
                    "GET /incidents;n=" + n + " HTTP/1.1").status()));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(PROMPTLY.toMillis() * 2);
        }
        assertEquals(40, statuses.size());
        assertTrue(statuses.stream().allMatch(status -> status == 400), statuses.toString());
    }

    @Test
    void cookiesAreSecureWhenATrustedProxySaysHttpsAndOnlyThen() {
        TestUser sre = TestUsers.create("secure", "sre");
        String form = "j_username=" + sre.username() + "&j_password=" + sre.password();
        String[] headers = {"Content-Type: application/x-www-form-urlencoded", "Content-Length: " + form.length(),
                "X-Forwarded-Proto: https"};
        RawHttp.Answer viaProxy = RawHttp.sendWithBody("127.0.0.1", RestAssured.port, PROMPTLY,
                "POST /login HTTP/1.1", form, headers);
        assertEquals(302, viaProxy.status(), viaProxy.statusLine());
        assertTrue(viaProxy.headers().get("location").startsWith("https://"), viaProxy.headers().get("location"));
        List<String> secured = List.of(viaProxy.headers().get("set-cookie").split("\n"));
        for (String name : List.of("quarkus-credential=", "sla-session=", "sla-device=")) {
            String cookie = secured.stream().filter(c -> c.startsWith(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " in " + secured));
            assertTrue(cookie.contains("; Secure"), cookie);
            assertTrue(cookie.contains("; HTTPOnly") || cookie.contains("; HttpOnly"), cookie);
        }

        RawHttp.Answer notAProxy = RawHttp.sendWithBody("127.0.0.2", RestAssured.port, PROMPTLY,
                "POST /login HTTP/1.1", form, headers);
        assertEquals(302, notAProxy.status(), notAProxy.statusLine());
        assertTrue(notAProxy.headers().get("location").startsWith("http://"), notAProxy.headers().get("location"));
        for (String cookie : notAProxy.headers().get("set-cookie").split("\n")) {
            assertFalse(cookie.contains("; Secure"), "a caller that is not a trusted proxy cannot claim HTTPS: " + cookie);
        }
    }

    @Test
    void signedInPagesAndApiAnswersAreNotStored() {
        TestUser sre = TestUsers.create("no-store", "sre");
        Response login = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", sre.username()).formParam("j_password", sre.password()).post("/login");
        Map<String, String> cookies = login.getCookies();
        for (String page : List.of("/", "/incidents", "/reliability")) {
            given().auth().none().cookies(cookies).accept(ContentType.HTML).redirects().follow(false).when().get(page)
                    .then().statusCode(200).header("Cache-Control", "no-store");
        }
        sre.given().when().get("/api/services").then().statusCode(200).header("Cache-Control", "no-store");
        // static assets may be cached
        String assetCaching = given().auth().none().when().get("/css/app.css").then().statusCode(200)
                .extract().header("Cache-Control");
        assertNotEquals("no-store", assetCaching);
    }
}
