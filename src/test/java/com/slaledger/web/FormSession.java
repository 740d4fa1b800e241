package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
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

    private FormSession(String cookie, String token, String page) {
        this.cookie = cookie;
        this.token = token;
        this.page = page;
    }

    /** Opens a page with a form, as a browser without cookies would. */
    static FormSession open(String path) {
        Response response = given().accept("text/html").when().get(path).then().statusCode(200).extract().response();
        String cookie = response.getCookie("csrf-token");
        assertNotNull(cookie, "the page sets no CSRF cookie");
        Matcher matcher = TOKEN.matcher(response.asString());
        if (!matcher.find()) {
            throw new AssertionError("the page has no CSRF token field:\n" + response.asString());
        }
        return new FormSession(cookie, matcher.group(1), response.asString());
    }

    /** Posts the form fields (a list value repeats the field, like ticked checkboxes) with the token. */
    Response post(String path, Map<String, ?> fields) {
        var request = given().accept("text/html").redirects().follow(false)
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
