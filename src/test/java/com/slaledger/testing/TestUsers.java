package com.slaledger.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Users a test signs in as, each with a fresh username, created through the admin API. */
public final class TestUsers {

    private static final Map<String, TestUser> BY_ROLE = new ConcurrentHashMap<>();

    private TestUsers() {
    }

    public record TestUser(String username, String password) {

        /** A request signed in as this user (HTTP Basic), instead of the default test admin. */
        public RequestSpecification given() {
            return RestAssured.given().auth().preemptive().basic(username, password);
        }
    }

    public static TestUser create(String prefix, String... roles) {
        String username = TestData.uniqueKey(prefix);
        String password = "pw-" + username + "-secret";
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "roles", List.of(roles)))
                .when().post("/api/users").then().statusCode(201);
        return new TestUser(username, password);
    }

    /** One shared user holding just this role, for tests that only need "someone with role X". */
    public static TestUser withRole(String role) {
        return BY_ROLE.computeIfAbsent(role, r -> create(r, r));
    }
}
