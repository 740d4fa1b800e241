package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.browser.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service or client may be named with up to 200 characters and no space (an id, a URL-like name): the forms that
 * list every service and client as checkboxes must wrap it, not widen the page past a phone's screen.
 */
@QuarkusTest
class LongNamesBrowserTest extends BrowserTest {

    @Test
    void aTwoHundredCharacterNameWithoutASpaceDoesNotPushTheFormsSideways() {
        String key = TestData.uniqueKey("long-name");
        given().contentType(ContentType.JSON).body(Map.of("key", key, "name", "N".repeat(200)))
                .post("/api/services").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("key", key, "name", "C".repeat(200), "timeZone", "UTC"))
                .post("/api/clients").then().statusCode(201);

        signIn(TestUsers.withRole("admin"));
        for (String page : new String[] {"/incidents/new", "/maintenance/new"}) {
            open(page);
            for (int width : new int[] {1400, 390}) {
                resize(width);
                Number overflow = (Number) script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow.intValue() <= 0, page + " at " + width + " px overflows by " + overflow + " px");
            }
        }
    }
}
