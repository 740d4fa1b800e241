package com.slaledger.testing;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test calls the API as the test admin unless it says otherwise ({@code given().auth().none()}
 * for anonymous, {@link TestUsers} for a role). Registered for all tests through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}, so the feature tests keep
 * testing their feature instead of repeating credentials. The admin comes from the {@code %test}
 * profile's {@code sla-ledger.admin.*}: the first start on the empty test database creates it.
 */
public class SignInAsTestAdmin implements BeforeAllCallback, BeforeEachCallback {

    public static final String USERNAME = "test-admin";
    public static final String PASSWORD = "test-admin-password";

    @Override
    public void beforeAll(ExtensionContext context) {
        signIn(context.getRequiredTestClass().getClassLoader());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        signIn(context.getRequiredTestInstance().getClass().getClassLoader());
    }

    /**
     * A {@code @QuarkusTest} class runs in Quarkus' own class loader, with its own copy of REST
     * Assured's static settings: set them in the test's copy, found through the test class.
     */
    private static void signIn(ClassLoader testLoader) {
        try {
            Class<?> restAssured = Class.forName(RestAssured.class.getName(), true, testLoader);
            Object preemptive = restAssured.getMethod("preemptive").invoke(null);
            Object basic = preemptive.getClass().getMethod("basic", String.class, String.class)
                    .invoke(preemptive, USERNAME, PASSWORD);
            restAssured.getField("authentication").set(null, basic);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot set REST Assured's default authentication", e);
        }
    }
}
