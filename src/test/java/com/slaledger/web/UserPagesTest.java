package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserPagesTest {

    @Test
    void anAdminAddsAUserWithRolesThenDisablesThem() {
        String username = TestData.uniqueKey("page-user");
        FormSession session = FormSession.open("/admin/users");
        Response created = session.post("/admin/users",
                Map.of("username", username, "password", "long-enough-password", "roles", List.of("sre", "finance")));
        assertEquals(303, created.statusCode());
        given().get("/api/users/" + username).then().statusCode(200)
                .body("roles", org.hamcrest.Matchers.containsInAnyOrder("sre", "finance"))
                .body("enabled", equalTo(true));
        given().auth().preemptive().basic(username, "long-enough-password").get("/api/services").then().statusCode(200);

        // saving the row with "may sign in" unticked and only one role
        Response saved = session.post("/admin/users/" + username, Map.of("roles", List.of("sre")));
        assertEquals(303, saved.statusCode());
        given().get("/api/users/" + username).then().body("roles", org.hamcrest.Matchers.contains("sre"))
                .body("enabled", equalTo(false));
        given().accept("text/html").get("/admin/users").then().statusCode(200)
                .body(containsString(username + " <span class=\"tag\">disabled</span>"));
    }

    @Test
    void aRefusedUserIsShownWithItsErrorsAndTheTypedNameKept() {
        FormSession session = FormSession.open("/admin/users");
        Response refused = session.post("/admin/users", Map.of("username", "Not Valid!", "password", "x"));
        assertEquals(400, refused.statusCode());
        String page = refused.asString();
        org.hamcrest.MatcherAssert.assertThat(page, containsString("value=\"Not Valid!\""));
        org.hamcrest.MatcherAssert.assertThat(page, containsString("must be lower-case letters"));
        org.hamcrest.MatcherAssert.assertThat(page, not(containsString("value=\"x\"")));
        given().get("/api/users/not valid!").then().statusCode(org.hamcrest.Matchers.not(200));
    }
}
