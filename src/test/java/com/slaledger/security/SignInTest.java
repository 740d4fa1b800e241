package com.slaledger.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.startsWithIgnoringCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP Basic, API tokens, the login form, and what an unknown or refused caller gets to see. */
@QuarkusTest
class SignInTest {

    @Test
    void basicAuthenticationSignsInWithTheRightPasswordOnly() {
        TestUser sre = TestUsers.create("basic", Role.SRE);
        sre.given().when().get("/api/services").then().statusCode(200);
        given().auth().preemptive().basic(sre.username(), "wrong-password").when().get("/api/services")
                .then().statusCode(401).header("WWW-Authenticate", startsWithIgnoringCase("Basic realm="));
        given().auth().none().when().get("/api/services")
                .then().statusCode(401).header("WWW-Authenticate", startsWithIgnoringCase("Basic realm=\"SLA Ledger\""));
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        TestUser known = TestUsers.create("enum", Role.SRE);
        Response wrongPassword = given().auth().preemptive().basic(known.username(), "not-the-password")
                .when().get("/api/services");
        Response unknownUser = given().auth().preemptive().basic("zz-nobody-" + known.username(), "not-the-password")
                .when().get("/api/services");
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(wrongPassword.statusCode(), unknownUser.statusCode());
        assertEquals(wrongPassword.body().asString(), unknownUser.body().asString());
        assertEquals(wrongPassword.header("WWW-Authenticate"), unknownUser.header("WWW-Authenticate"));

        Response formWrong = formLogin(known.username(), "not-the-password");
        Response formUnknown = formLogin("zz-nobody-" + known.username(), "not-the-password");
        assertEquals(302, formWrong.statusCode());
        assertEquals(formWrong.header("Location"), formUnknown.header("Location"));
        assertTrue(formWrong.header("Location").endsWith("/login?error=true"), formWrong.header("Location"));
    }

    @Test
    void anonymousCallersReadNothingButHealthAndTheLoginPage() {
        given().auth().none().when().get("/api/clients").then().statusCode(401);
        given().auth().none().when().get("/api/no-such-thing").then().statusCode(401);
        given().auth().none().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().none().when().get("/q/health/live").then().statusCode(200);
        given().auth().none().when().get("/login").then().statusCode(200)
                .contentType(ContentType.HTML)
                .body(containsString("name=\"j_username\""))
                .body(containsString("action=\"/login\""))
                .body(not(containsString("<script")));
    }

    @Test
    void theLoginFormGivesAStrictHttpOnlySessionCookieThatSignsInUntilLogout() {
        TestUser finance = TestUsers.create("form", Role.FINANCE);
        Response login = formLogin(finance.username(), finance.password());
        assertEquals(302, login.statusCode());
        Cookie session = login.detailedCookie("quarkus-credential");
        assertNotNull(session, "no session cookie");
        assertTrue(session.isHttpOnly(), "session cookie must be HttpOnly");
        assertEquals("strict", String.valueOf(session.getSameSite()).toLowerCase());

        Cookie serverSide = login.detailedCookie(UserSessions.COOKIE);
        assertNotNull(serverSide, "no server-side session cookie");
        assertTrue(serverSide.isHttpOnly(), "the session id cookie must be HttpOnly");
        assertEquals("strict", String.valueOf(serverSide.getSameSite()).toLowerCase());
        Map<String, String> cookies = login.getCookies();

        given().auth().none().cookies(cookies).when().get("/api/services").then().statusCode(200);
        given().auth().none().cookies(cookies).when().get("/api/users").then().statusCode(403);
        // the encrypted cookie alone (say, minted by someone who learnt the key) signs in nobody
        given().auth().none().cookie("quarkus-credential", session.getValue()).redirects().follow(false)
                .when().get("/api/services").then().statusCode(302).header("Location", endsWith("/login"));

        // a sign-out button posts no form fields; a form-encoded post would need the CSRF token
        Response logout = given().auth().none().cookies(cookies)
                .contentType(ContentType.JSON).redirects().follow(false).when().post("/logout");
        assertEquals(303, logout.statusCode());
        assertTrue(logout.header("Location").endsWith("/login"), logout.header("Location"));
        for (String name : List.of("quarkus-credential", UserSessions.COOKIE)) {
            Cookie cleared = logout.detailedCookie(name);
            assertNotNull(cleared, "logout must clear " + name);
            assertTrue(cleared.getValue().isEmpty() || cleared.getMaxAge() == 0, "cookie not cleared: " + cleared);
        }
        // the cookies saved before signing out no longer sign in
        given().auth().none().cookies(cookies).redirects().follow(false).when().get("/api/services")
                .then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void aDisabledUserCannotSignInByAnyMeans() {
        TestUser sre = TestUsers.create("disabled", Role.SRE);
        String token = createToken(sre, "before disabling");
        Map<String, String> session = formLogin(sre.username(), sre.password()).getCookies();

        given().contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().put("/api/users/" + sre.username()).then().statusCode(200).body("enabled", equalTo(false));

        sre.given().when().get("/api/services").then().statusCode(401);
        given().auth().none().header("Authorization", "Bearer " + token).when().get("/api/services")
                .then().statusCode(401);
        // the form session is refused like an expired one: back to the login page
        given().auth().none().cookies(session).redirects().follow(false)
                .when().get("/api/services").then().statusCode(302).header("Location", endsWith("/login"));

        given().contentType(ContentType.JSON).body(Map.of("enabled", true))
                .when().put("/api/users/" + sre.username()).then().statusCode(200);
        sre.given().when().get("/api/services").then().statusCode(200);
    }

    @Test
    void tokensAreShownOnceListedWithoutSecretsUsableAndRevocable() {
        TestUser am = TestUsers.create("tokens", Role.ACCOUNT_MANAGER);
        Response created = am.given().contentType(ContentType.JSON).body(Map.of("name", "reporting script"))
                .when().post("/api/tokens");
        created.then().statusCode(201).header("Cache-Control", containsString("no-store"))
                .body("name", equalTo("reporting script"))
                .body("token", startsWith("slt_"));
        String token = created.jsonPath().getString("token");
        long id = created.jsonPath().getLong("id");
        assertEquals(token.substring(0, 8), created.jsonPath().getString("prefix"));

        am.given().when().get("/api/tokens").then().statusCode(200)
                .body("id", hasItem((int) id))
                .body("[0].token", nullValue())
                .body(not(containsString(token)));

        // the token signs in as its user, with that user's roles
        given().auth().none().header("Authorization", "Bearer " + token).when().get("/api/clients")
                .then().statusCode(200);
        given().auth().none().header("Authorization", "Bearer " + token).when().get("/api/users")
                .then().statusCode(403);
        given().auth().none().header("Authorization", "Bearer " + token + "x").when().get("/api/clients")
                .then().statusCode(401).header("WWW-Authenticate", notNullValue());

        // another user can neither see nor revoke it
        TestUser other = TestUsers.create("tokens-other", Role.SRE);
        other.given().when().get("/api/tokens").then().statusCode(200).body("id", not(hasItem((int) id)));
        other.given().when().delete("/api/tokens/" + id).then().statusCode(404);

        am.given().when().delete("/api/tokens/" + id).then().statusCode(204);
        given().auth().none().header("Authorization", "Bearer " + token).when().get("/api/clients")
                .then().statusCode(401);
        am.given().when().get("/api/tokens").then().statusCode(200).body("id", not(hasItem((int) id)));
        am.given().when().delete("/api/tokens/" + id).then().statusCode(404);
    }

    @Test
    void tokensAreStoredOnlyAsTheirHash() {
        TestUser sre = TestUsers.create("hash", Role.SRE);
        String token = createToken(sre, "ci");
        String stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ApiToken.<ApiToken>find("user.username", sre.username()).firstResult().tokenHash);
        assertEquals(ApiTokenService.sha256(token), stored);
        assertTrue(!stored.contains(token.substring(4)), "the token itself must not be stored");
    }

    @Test
    void aTokenNeedsAName() {
        TestUser sre = TestUsers.withRole(Role.SRE);
        sre.given().contentType(ContentType.JSON).body(Map.of("name", " ")).when().post("/api/tokens")
                .then().statusCode(400).body("violations.field", hasItem("name"));
    }

    @Test
    void afterFiveFailuresTheUsernameIsRefusedFromAnUnknownDeviceEvenWithTheRightPassword() {
        TestUser sre = TestUsers.create("throttled", Role.SRE);
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(sre.username(), "wrong-" + i).when().get("/api/services")
                    .then().statusCode(401);
        }
        sre.given().when().get("/api/services").then().statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("status", equalTo(429));
        Response form = formLogin(sre.username(), sre.password());
        assertTrue(form.header("Location").endsWith("/login?error=true"), "the form is refused too");

        // other users from the same address are not affected
        TestUsers.withRole(Role.SRE).given().when().get("/api/services").then().statusCode(200);
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOneAndAdminsAnyone() {
        TestUser sre = TestUsers.create("password", Role.SRE);
        TestUser other = TestUsers.create("password-other", Role.SRE);
        sre.given().contentType(ContentType.JSON).body(Map.of("password", "a-brand-new-password"))
                .when().put("/api/users/" + sre.username() + "/password")
                .then().statusCode(400).body("violations.field", hasItem("currentPassword"));
        sre.given().contentType(ContentType.JSON).body(Map.of("password", "a-brand-new-password"))
                .when().put("/api/users/" + other.username() + "/password").then().statusCode(403);
        sre.given().contentType(ContentType.JSON)
                .body(Map.of("password", "a-brand-new-password", "currentPassword", sre.password()))
                .when().put("/api/users/" + sre.username() + "/password").then().statusCode(204);
        sre.given().when().get("/api/services").then().statusCode(401);
        given().auth().preemptive().basic(sre.username(), "a-brand-new-password").when().get("/api/services")
                .then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("password", "set-by-the-admin"))
                .when().put("/api/users/" + other.username() + "/password").then().statusCode(204);
        given().auth().preemptive().basic(other.username(), "set-by-the-admin").when().get("/api/services")
                .then().statusCode(200);
    }

    @Test
    void adminsManageUsersAndRoles() {
        String username = com.slaledger.testing.TestData.uniqueKey("managed");
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "long-enough-password", "roles", List.of("sre")))
                .when().post("/api/users")
                .then().statusCode(201).header("Location", containsString("/api/users/" + username))
                .body("username", equalTo(username)).body("roles", equalTo(List.of("sre")))
                .body("enabled", equalTo(true)).body(not(containsString("password")));
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "long-enough-password", "roles", List.of("sre")))
                .when().post("/api/users").then().statusCode(409);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "Bad Name", "password", "short", "roles", List.of("root")))
                .when().post("/api/users").then().statusCode(400)
                .body("violations.field", hasItem("username"))
                .body("violations.field", hasItem("password"))
                .body("violations.field", hasItem("roles[0]"));

        given().contentType(ContentType.JSON).body(Map.of("roles", List.of("finance", "account-manager")))
                .when().put("/api/users/" + username).then().statusCode(200)
                .body("roles", equalTo(List.of("account-manager", "finance")));
        given().when().get("/api/users").then().statusCode(200).body("username", hasItem(username));
        given().auth().preemptive().basic(username, "long-enough-password").when().get("/api/clients")
                .then().statusCode(200);

        given().when().delete("/api/users/" + username).then().statusCode(204);
        given().when().get("/api/users/" + username).then().statusCode(404);
        given().auth().preemptive().basic(username, "long-enough-password").when().get("/api/services")
                .then().statusCode(401);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (Response response : List.of(given().when().get("/api/services"),
                given().auth().none().when().get("/api/services"),
                given().auth().none().when().get("/login"),
                given().when().get("/api/clients/zz-none"))) {
            response.then()
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Frame-Options", "DENY");
        }
    }

    @Test
    void openApiAndMetricsAreOpenOutsideProduction() {
        given().auth().none().when().get("/q/openapi").then().statusCode(200);
        given().auth().none().when().get("/q/metrics").then().statusCode(200);
    }

    private static Response formLogin(String username, String password) {
        return given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", password)
                .when().post("/login");
    }

    private static String createToken(TestUser user, String name) {
        return user.given().contentType(ContentType.JSON).body(Map.of("name", name)).when().post("/api/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");
    }
}
