package com.slaledger.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.slaledger.testing.TestUsers;
import com.slaledger.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Login-form sessions end on the server: sign-out, a password change (own or an admin's reset), a role
 * change and disabling end every cookie saved before. And their key lives in the database, so a second
 * instance (or a restart) reads and mints the same cookies.
 */
@QuarkusTest
class SessionsTest {

    @Inject
    UserSessions sessions;

    @Test
    void aCookieSavedBeforeSignOutNoLongerSignsIn() {
        TestUser sre = TestUsers.create("logout", Role.SRE);
        Map<String, String> saved = signIn(sre);
        assertSignedIn(saved);
        assertEquals(1, sessions.count(sre.username()));

        given().auth().none().cookies(saved).contentType(ContentType.JSON).redirects().follow(false)
                .when().post("/logout").then().statusCode(303);

        assertSignedOut(saved);
        assertEquals(0, sessions.count(sre.username()));
    }

    @Test
    void changingOnesOwnPasswordEndsEverySessionButKeepsApiTokens() {
        TestUser sre = TestUsers.create("own-password", Role.SRE);
        Map<String, String> laptop = signIn(sre);
        Map<String, String> phone = signIn(sre);
        String token = createToken(sre);

        sre.given().contentType(ContentType.JSON)
                .body(Map.of("password", "the-new-password-1", "currentPassword", sre.password()))
                .when().put("/api/users/" + sre.username() + "/password").then().statusCode(204);

        assertSignedOut(laptop);
        assertSignedOut(phone);
        // API tokens are separate credentials, listed and revoked one by one (docs/security.md)
        given().auth().none().header("Authorization", "Bearer " + token).when().get("/api/services")
                .then().statusCode(200);
        assertSignedIn(signIn(new TestUser(sre.username(), "the-new-password-1")));
    }

    @Test
    void anAdminsPasswordResetEndsTheUsersSessionsAndRevokesTheirTokens() {
        TestUser finance = TestUsers.create("reset", Role.FINANCE);
        Map<String, String> saved = signIn(finance);
        String token = createToken(finance);

        given().contentType(ContentType.JSON).body(Map.of("password", "set-by-the-admin-1"))
                .when().put("/api/users/" + finance.username() + "/password").then().statusCode(204);

        assertSignedOut(saved);
        given().auth().none().header("Authorization", "Bearer " + token).when().get("/api/services")
                .then().statusCode(401);
    }

    @Test
    void aRoleChangeEndsTheSessionAndAnUnchangedSaveDoesNot() {
        TestUser am = TestUsers.create("role-change", Role.ACCOUNT_MANAGER);
        Map<String, String> saved = signIn(am);

        // the same roles again change nothing, so the session lives on
        given().contentType(ContentType.JSON).body(Map.of("roles", List.of(Role.ACCOUNT_MANAGER)))
                .when().put("/api/users/" + am.username()).then().statusCode(200);
        assertSignedIn(saved);

        given().contentType(ContentType.JSON).body(Map.of("roles", List.of(Role.ACCOUNT_MANAGER, Role.FINANCE)))
                .when().put("/api/users/" + am.username()).then().statusCode(200);
        assertSignedOut(saved);
    }

    @Test
    void disablingEndsTheSessionForGoodEvenAfterReEnabling() {
        TestUser sre = TestUsers.create("disable", Role.SRE);
        Map<String, String> saved = signIn(sre);

        given().contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().put("/api/users/" + sre.username()).then().statusCode(200);
        assertSignedOut(saved);
        given().contentType(ContentType.JSON).body(Map.of("enabled", true))
                .when().put("/api/users/" + sre.username()).then().statusCode(200);
        assertSignedOut(saved);
    }

    @Test
    void theEncryptedCookieAloneOrWithAnotherUsersSessionIdSignsInNobody() {
        TestUser sre = TestUsers.create("half", Role.SRE);
        TestUser other = TestUsers.create("half-other", Role.SRE);
        Map<String, String> mine = signIn(sre);
        Map<String, String> theirs = signIn(other);

        assertSignedOut(Map.of("quarkus-credential", mine.get("quarkus-credential")));
        assertSignedOut(Map.of("quarkus-credential", mine.get("quarkus-credential"),
                UserSessions.COOKIE, theirs.get(UserSessions.COOKIE)));
        assertSignedOut(Map.of("quarkus-credential", mine.get("quarkus-credential"),
                UserSessions.COOKIE, "x".repeat(5000)));
        assertSignedIn(mine);
    }

    /**
     * Quarkus prints a temporary key only when none is configured ("Encryption key was not specified for
     * persistent FORM auth, using temporary key ..."), and keeps it in a static field it sets on that path
     * alone. Here a key is configured, it is the one kept in the database, and the field stayed empty.
     */
    @Test
    void theSessionKeyComesFromTheDatabaseAndNoTemporaryKeyWasPrinted() throws Exception {
        String configured = ConfigProvider.getConfig().getValue(SessionEncryptionKey.PROPERTY, String.class);
        assertEquals(configured, secondInstanceKey());
        assertEquals(44, configured.length(), "32 random bytes in Base64");
        Field temporary = Class.forName("io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism")
                .getDeclaredField("encryptionKey");
        temporary.setAccessible(true);
        assertNull(temporary.get(null), "Quarkus generated (and logged) a temporary session key");
    }

    /**
     * Two instances on one database: a second instance loads the key through its own start-up path and
     * reads this instance's cookie; a cookie it mints, with a session it opens in the shared table, signs
     * in here.
     */
    @Test
    void aSecondInstanceOnTheSameDatabaseSharesTheSessions() throws Exception {
        TestUser sre = TestUsers.create("two-instances", Role.SRE);
        String key = secondInstanceKey();

        Map<String, String> fromHere = signIn(sre);
        assertEquals(sre.username(), principalIn(key, fromHere.get("quarkus-credential")));

        String sessionId = sessions.open(sre.username());
        Map<String, String> fromThere = Map.of("quarkus-credential", mint(key, sre.username()),
                UserSessions.COOKIE, sessionId);
        assertSignedIn(fromThere);
        // and a session the second instance closes is closed here
        sessions.close(sessionId);
        assertSignedOut(fromThere);
    }

    private static String secondInstanceKey() {
        var config = ConfigProvider.getConfig();
        return SessionEncryptionKey.loadOrCreate(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /**
     * A cookie as Quarkus' PersistentLoginManager writes it: AES-GCM under SHA-256 of the key, over
     * "expiry-millis:principal", framed as [iv length][iv][ciphertext] in Base64.
     */
    static String mint(String key, String principal) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, aes(key), new GCMParameterSpec(128, iv));
        byte[] encrypted = cipher.doFinal((System.currentTimeMillis() + 600_000 + ":" + principal)
                .getBytes(StandardCharsets.UTF_8));
        ByteBuffer framed = ByteBuffer.allocate(1 + iv.length + encrypted.length);
        framed.put((byte) iv.length).put(iv).put(encrypted);
        return Base64.getEncoder().encodeToString(framed.array());
    }

    static String principalIn(String key, String cookie) throws Exception {
        ByteBuffer framed = ByteBuffer.wrap(Base64.getDecoder().decode(cookie));
        byte[] iv = new byte[framed.get()];
        framed.get(iv);
        byte[] encrypted = new byte[framed.remaining()];
        framed.get(encrypted);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, aes(key), new GCMParameterSpec(128, iv));
        String plain = new String(cipher.doFinal(encrypted), StandardCharsets.UTF_8);
        return plain.substring(plain.indexOf(':') + 1);
    }

    private static SecretKeySpec aes(String key) throws Exception {
        return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    static Map<String, String> signIn(TestUser user) {
        Response login = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", user.username()).formParam("j_password", user.password())
                .when().post("/login");
        login.then().statusCode(302).header("Location", endsWith("/"));
        assertNotNull(login.getCookie("quarkus-credential"), "no session cookie");
        assertNotNull(login.getCookie(UserSessions.COOKIE), "no session id cookie");
        return Map.of("quarkus-credential", login.getCookie("quarkus-credential"),
                UserSessions.COOKIE, login.getCookie(UserSessions.COOKIE));
    }

    static void assertSignedIn(Map<String, String> cookies) {
        given().auth().none().cookies(cookies).redirects().follow(false).when().get("/api/services")
                .then().statusCode(200);
    }

    static void assertSignedOut(Map<String, String> cookies) {
        given().auth().none().cookies(cookies).redirects().follow(false).when().get("/api/services")
                .then().statusCode(302).header("Location", endsWith("/login"));
        given().auth().none().cookies(cookies).redirects().follow(false).accept(ContentType.HTML).when().get("/")
                .then().statusCode(302).header("Location", endsWith("/login"));
    }

    private static String createToken(TestUser user) {
        return user.given().contentType(ContentType.JSON).body(Map.of("name", "script"))
                .when().post("/api/tokens").then().statusCode(201).extract().jsonPath().getString("token");
    }
}
