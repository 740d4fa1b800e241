package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.slaledger.testing.TestUsers.TestUser;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's side of a page form: the CSRF cookie and the token its page carries, posted back the
 * way a browser does (urlencoded, without following the redirect so tests can see it).
 */
final class FormSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    final String cookie;
    final String token;
    final String page;
    private final Supplier<RequestSpecification> signedIn;

    private FormSession(String cookie, String token, String page, Supplier<RequestSpecification> signedIn) {
        this.cookie = cookie;
        this.token = token;
        this.page = page;
        this.signedIn = signedIn;
    }

    /** Opens a page with a form, as a browser without cookies would, signed in as the test admin. */
    static FormSession open(String path) {
        return open(path, RestAssured::given);
    }

    /** Opens a page with a form as this user; the form is then posted as this user too. */
    static FormSession open(String path, TestUser user) {
        return open(path, user::given);
    }

    private static FormSession open(String path, Supplier<RequestSpecification> signedIn) {
        Response response = signedIn.get().accept("text/html").when().get(path).then().statusCode(200).extract()
                .response();
        String cookie = response.getCookie("csrf-token");
        assertNotNull(cookie, "the page sets no CSRF cookie");
        Matcher matcher = TOKEN.matcher(response.asString());
        if (!matcher.find()) {
            throw new AssertionError("the page has no CSRF token field:\n" + response.asString());
        }
        return new FormSession(cookie, matcher.group(1), response.asString(), signedIn);
    }

    /** Posts the form fields (a list value repeats the field, like ticked checkboxes) with the token. */
    Response post(String path, Map<String, ?> fields) {
        var request = signedIn.get().accept("text/html").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("csrf-token", cookie)
                .formParam("csrf-token", token);
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (field.getValue() instanceof List<?> values) {
                request = request.formParam(field.getKey(), values.toArray());
            } else {
                request = request.formParam(field.getKey(), field.getValue());
            }
        }
        return request.when().post(path);
    }
}
