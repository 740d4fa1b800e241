package com.slaledger.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.RawHttp;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestUsers.TestUser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sign-in limits against the running service: per account whatever the address, per address
 * whatever the account, a known device passing both, the current-password check of a password
 * change, X-Forwarded-For only from a trusted proxy (127.0.0.1 here, not 127.0.0.2), and counters
 * that a second instance on the same database sees.
 */
@QuarkusTest
class SignInLimitsTest {

    /** Addresses of the benchmarking range (RFC 2544, 198.18.0.0/15), a fresh one per call, as clients behind the proxy. */
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

    @Inject
    EntityManager entityManager;

    private static String freshAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static Response basic(TestUser user, String password, String address) {
        return given().auth().preemptive().basic(user.username(), password)
                .header("X-Forwarded-For", address).when().get("/api/services");
    }

    @Test
    void guessesSpreadOverManyAddressesLockTheAccount() {
        TestUser sre = TestUsers.create("spread", Role.SRE);
        for (int i = 0; i < 5; i++) {
            basic(sre, "guess-" + i, freshAddress()).then().statusCode(401);
        }
        // the sixth attempt, from yet another address and with the right password, is refused unchecked
        basic(sre, sre.password(), freshAddress()).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json").body("status", equalTo(429));
        long retryAfter = Long.parseLong(basic(sre, sre.password(), freshAddress()).header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "the first lock lasts one minute: " + retryAfter);
    }

    @Test
    void aKnownDeviceSignsInWhileTheAccountIsLockedForEveryoneElse() {
        TestUser sre = TestUsers.create("device", Role.SRE);
        String home = freshAddress();
        Response first = formSignIn(sre.username(), sre.password(), home, null);
        first.then().statusCode(302).header("Location", endsWith("/"));
        String device = first.getCookie(KnownDevices.COOKIE);
        assertNotNull(device, "a successful sign-in gives a device cookie");

        // someone else guesses from elsewhere until the account is locked
        for (int i = 0; i < 5; i++) {
            basic(sre, "guess-" + i, freshAddress()).then().statusCode(401);
        }
        formSignIn(sre.username(), sre.password(), freshAddress(), null)
                .then().statusCode(302).header("Location", endsWith("/login?error=true"));
        // the user's own browser, even from the guesser's address, still gets in
        Response known = formSignIn(sre.username(), sre.password(), freshAddress(), device);
        known.then().statusCode(302).header("Location", endsWith("/"));
        SessionsTest.assertSignedIn(Map.of("quarkus-credential", known.getCookie("quarkus-credential"),
                UserSessions.COOKIE, known.getCookie(UserSessions.COOKIE)));

        // a device cookie is bound to its username and to the key: another user's or an altered one is unknown
        TestUser other = TestUsers.create("device-other", Role.SRE);
        for (int i = 0; i < 5; i++) {
            basic(other, "guess-" + i, freshAddress()).then().statusCode(401);
        }
        formSignIn(other.username(), other.password(), freshAddress(), device)
                .then().header("Location", endsWith("/login?error=true"));
        String altered = device.substring(0, device.length() - 2) + (device.endsWith("A") ? "BB" : "AA");
        formSignIn(sre.username(), sre.password(), freshAddress(), altered)
                .then().header("Location", endsWith("/login?error=true"));
    }

    @Test
    void oneAddressIsLockedAfterManyFailuresWhateverTheUsernames() {
        String shared = freshAddress();
        for (int i = 0; i < 100; i++) {
            given().auth().preemptive().basic(TestData.uniqueKey("nobody"), "guess").header("X-Forwarded-For", shared)
                    .when().get("/api/services").then().statusCode(401);
        }
        TestUser sre = TestUsers.create("address", Role.SRE);
        basic(sre, sre.password(), shared).then().statusCode(429);
        basic(sre, sre.password(), freshAddress()).then().statusCode(200);

        // the same forwarded address from a caller that is not a trusted proxy is ignored:
        // 127.0.0.2 is counted as itself, so it signs in
        String credentials = Base64.getEncoder().encodeToString((sre.username() + ":" + sre.password()).getBytes());
        RawHttp.Answer untrusted = RawHttp.send("127.0.0.2", RestAssured.port, Duration.ofSeconds(20),
                "GET /api/services HTTP/1.1", "Authorization: Basic " + credentials, "X-Forwarded-For: " + shared);
        assertEquals(200, untrusted.status(), untrusted.statusLine());
        RawHttp.Answer trusted = RawHttp.send("127.0.0.1", RestAssured.port, Duration.ofSeconds(20),
                "GET /api/services HTTP/1.1", "Authorization: Basic " + credentials, "X-Forwarded-For: " + shared);
        assertEquals(429, trusted.status(), trusted.statusLine());
    }

    @Test
    void wrongCurrentPasswordsInAPasswordChangeAreThrottled() {
        TestUser sre = TestUsers.create("current", Role.SRE);
        for (int i = 0; i < 5; i++) {
            sre.given().contentType(ContentType.JSON)
                    .body(Map.of("password", "a-brand-new-password", "currentPassword", "guess-" + i))
                    .when().put("/api/users/" + sre.username() + "/password")
                    .then().statusCode(400);
        }
        sre.given().contentType(ContentType.JSON)
                .body(Map.of("password", "a-brand-new-password", "currentPassword", sre.password()))
                .when().put("/api/users/" + sre.username() + "/password")
                .then().statusCode(429).header("Retry-After", notNullValue())
                .contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", containsString("Too many failed password checks"));
        // refused, so the old password still holds
        sre.given().when().get("/api/services").then().statusCode(200);
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheCounters() {
        String username = TestData.uniqueKey("shared");
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(username, freshAddress(), null);
        LoginThrottle first = new LoginThrottle(entityManager, LoginThrottle.DEFAULTS, Clock.systemUTC());
        LoginThrottle second = new LoginThrottle(entityManager, LoginThrottle.DEFAULTS, Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            QuarkusTransaction.requiringNew().run(() -> first.recordFailure(attempt));
        }
        Optional<Duration> seenBySecond = QuarkusTransaction.requiringNew().call(() -> second.lockedFor(attempt));
        assertTrue(seenBySecond.isPresent(), "the second instance sees the first one's failures");
        assertTrue(seenBySecond.get().compareTo(Duration.ofMinutes(1)) <= 0
                && seenBySecond.get().compareTo(Duration.ofSeconds(50)) > 0, seenBySecond.toString());
    }

    private static Response formSignIn(String username, String password, String address, String deviceCookie) {
        var request = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .header("X-Forwarded-For", address)
                .formParam("j_username", username).formParam("j_password", password);
        if (deviceCookie != null) {
            request = request.cookie(KnownDevices.COOKIE, deviceCookie);
        }
        return request.when().post("/login");
    }
}
