package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.TestData;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The setup pages (clients, services) and the API token page, through their forms as a browser posts them. */
@QuarkusTest
class SetupPagesTest {

    private static final Pattern SHOWN_TOKEN = Pattern.compile("<code class=\"secret\">(slt_[A-Za-z0-9_-]+)</code>");

    @Test
    void aNewTokenIsShownOnceAfterTheRedirectAndWorksUntilRevoked() {
        String name = TestData.uniqueKey("page-token");
        FormSession form = FormSession.open("/account/tokens");
        Response created = form.post("/account/tokens", Map.of("name", name));
        assertEquals(303, created.statusCode());
        assertTrue(created.header("Location").endsWith("/account/tokens"), created.header("Location"));
        assertFalse(created.asString().contains("slt_"), "the token is not in the redirect");

        String shown = given().accept("text/html").get("/account/tokens").then().statusCode(200).header("Cache-Control", "no-store")
                .extract().asString();
        Matcher matcher = SHOWN_TOKEN.matcher(shown);
        assertTrue(matcher.find(), shown);
        String token = matcher.group(1);
        assertTrue(shown.contains("<td>" + name + "</td>"), shown);
        // the token is the real one: it opens the API
        given().auth().none().header("Authorization", "Bearer " + token).get("/api/tokens").then().statusCode(200);
        // shown once: the next visit shows only its first 8 characters
        String later = given().accept("text/html").get("/account/tokens").then().statusCode(200).extract().asString();
        assertFalse(later.contains(token), "the token is shown again");
        assertTrue(later.contains("<code>" + token.substring(0, 8) + "…</code>"), later);

        long id = Long.parseLong(idOf(later, name));
        Response revoked = FormSession.open("/account/tokens").post("/account/tokens/" + id + "/revoke", Map.of());
        assertEquals(303, revoked.statusCode());
        given().auth().none().header("Authorization", "Bearer " + token).get("/api/tokens").then().statusCode(401);
    }

    private static String idOf(String html, String name) {
        Matcher row = Pattern.compile("<tr id=\"token-(\\d+)\">\\s*<td>" + Pattern.quote(name) + "</td>").matcher(html);
        assertTrue(row.find(), html);
        return row.group(1);
    }

    @Test
    void aTokenWithoutANameIsRefusedBesideTheField() {
        Response refused = FormSession.open("/account/tokens").post("/account/tokens", Map.of("name", "  "));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("<p class=\"field-error\" id=\"name-error\"><span>Give the token a name"),
                refused.asString());
    }

    @Test
    void servicesAreAddedAndRenamedAndABadKeyKeepsWhatWasTyped() {
        String key = TestData.uniqueKey("page-svc");
        FormSession form = FormSession.open("/admin/services");
        assertEquals(303, form.post("/admin/services", Map.of("key", key, "name", "Checkout API",
                "description", "payments")).statusCode());
        String page = given().accept("text/html").get("/admin/services").then().statusCode(200).extract().asString();
        assertTrue(SlaPagesFixtures.row(page, "service-" + key).contains("value=\"Checkout API\""), page);

        assertEquals(303, form.post("/admin/services/" + key, Map.of("name", "Checkout", "description", ""))
                .statusCode());
        given().get("/api/services/" + key).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Checkout"));

        Response refused = form.post("/admin/services", Map.of("key", "Not A Slug", "name", "Kept name"));
        assertEquals(400, refused.statusCode());
        String html = refused.asString();
        assertTrue(html.contains("id=\"key-error\"><span>must be a URL-safe slug"), html);
        assertTrue(html.contains("value=\"Not A Slug\""), "the key as typed");
        assertTrue(html.contains("value=\"Kept name\""), "the name as typed");
    }

    @Test
    void clientsAreAddedWithTheirAccountManagerAndZoneAndEdited() {
        String key = TestData.uniqueKey("page-client");
        FormSession form = FormSession.open("/admin/clients");
        assertEquals(303, form.post("/admin/clients", Map.of("key", key, "name", "Acme Retail",
                "accountManager", "Dana", "timeZone", "Europe/Berlin", "active", "true")).statusCode());
        given().get("/api/clients/" + key).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Acme Retail"))
                .body("timeZone", org.hamcrest.Matchers.equalTo("Europe/Berlin"))
                .body("accountManager", org.hamcrest.Matchers.equalTo("Dana"))
                .body("active", org.hamcrest.Matchers.equalTo(true));

        String edit = given().accept("text/html").get("/admin/clients/" + key).then().statusCode(200)
                .extract().asString();
        assertTrue(edit.contains("id=\"timeZone\" name=\"timeZone\" value=\"Europe/Berlin\""), edit);
        // unticking active and a bad zone: refused beside the zone field, the rest kept
        Response refused = form.post("/admin/clients/" + key, Map.of("name", "Acme Retail GmbH",
                "timeZone", "Mars/Olympus", "accountManager", "Dana"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"timeZone-error\""), refused.asString());
        assertTrue(refused.asString().contains("value=\"Acme Retail GmbH\""), refused.asString());
        assertEquals(303, form.post("/admin/clients/" + key, Map.of("name", "Acme Retail GmbH",
                "timeZone", "Europe/Berlin", "accountManager", "Dana")).statusCode());
        given().get("/api/clients/" + key).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Acme Retail GmbH"))
                .body("active", org.hamcrest.Matchers.equalTo(false));

        Response duplicate = form.post("/admin/clients", Map.of("key", key, "name", "Again", "timeZone", "UTC"));
        assertEquals(409, duplicate.statusCode());
        assertTrue(duplicate.asString().contains("exists already"), duplicate.asString());
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        int status = given().accept("text/html").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("key", TestData.uniqueKey("no-csrf"))
                .formParam("name", "x").post("/admin/services").statusCode();
        assertEquals(400, status);
    }
}
