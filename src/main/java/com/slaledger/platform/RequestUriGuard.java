package com.slaledger.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every request gets an answer, whatever its address holds.
 * <ul>
 * <li>An address (path and query) longer than {@value InputLimits#MAX_ADDRESS_CHARS} characters is
 * answered {@code 414} at once, before authentication: a problem JSON under {@code /api}, a page elsewhere
 * ({@link HttpRefusals#refuse}). The HTTP codec's own limit ({@code quarkus.http.limits.max-initial-line-length})
 * is set far above it, because the codec answers an empty 414 before any handler runs and without the path
 * (Netty replaces it), so neither a problem nor a page could be chosen there. Only a request line longer than
 * the codec's limit still gets that empty 414.</li>
 * <li>A path with a {@code ;} (a matrix parameter, RFC 3986 section 3.3; also {@code %3B}) is answered
 * {@code 400} (problem JSON) at once, before authentication, the same to everybody: no resource takes
 * matrix parameters.</li>
 * <li>The login form remembers the address a signed-out visitor asked for in a cookie
 * ({@code quarkus.http.auth.form.location-cookie}) and sends them back there after signing in. A cookie
 * value may hold only the octets of RFC 6265 section 4.1.1 (no space, {@code "}, {@code ,}, {@code ;},
 * {@code \}, control or non-ASCII characters); with one of those in the address (say
 * {@code /incidents?client=a;b}) the response used to fail while being written, holding the socket open
 * and logging a stack trace. Just before the headers go out, such a value is percent-encoded (RFC 3986
 * section 2.1), which names the same resource.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestUriGuard {

    /** Above the security handlers (authentication, then authorization), which run at lower priorities. */
    private static final int PRIORITY = 10_000;
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"A path may not contain ';'\"}";

    private final String locationCookie;

    public RequestUriGuard(@ConfigProperty(name = "quarkus.http.auth.form.location-cookie",
            defaultValue = "quarkus-redirect-location") String locationCookie) {
        this.locationCookie = locationCookie;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && uri.length() > InputLimits.MAX_ADDRESS_CHARS) {
            // the address is not quoted back, not even in part
            HttpRefusals.refuse(context, 414, "URI too long", "The address has " + uri.length()
                    + " characters; the service accepts at most " + InputLimits.MAX_ADDRESS_CHARS);
            return;
        }
        String path = context.request().path();
        if (path != null && (path.indexOf(';') >= 0 || path.toLowerCase(Locale.ROOT).contains("%3b"))) {
            context.response().setStatusCode(400)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(PROBLEM);
            return;
        }
        if (uri != null && !isCookieValue(uri)) {
            context.addHeadersEndHandler(ignored -> repairLocationCookie(context));
        }
        context.next();
    }

    private void repairLocationCookie(RoutingContext context) {
        Set<Cookie> removed = context.response().removeCookies(locationCookie, false);
        for (Cookie cookie : removed) {
            if (isCookieValue(cookie.getValue())) {
                continue;
            }
            Cookie repaired = Cookie.cookie(cookie.getName(), percentEncode(cookie.getValue()))
                    .setPath(cookie.getPath()).setSecure(cookie.isSecure()).setHttpOnly(cookie.isHttpOnly())
                    .setSameSite(cookie.getSameSite());
            if (cookie.getDomain() != null) {
                repaired.setDomain(cookie.getDomain());
            }
            context.response().addCookie(repaired);
        }
    }

    /** Whether every character is a cookie-octet of RFC 6265 section 4.1.1. */
    static boolean isCookieValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isCookieOctet(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCookieOctet(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) || (c >= 0x3C && c <= 0x5B)
                || (c >= 0x5D && c <= 0x7E);
    }

    /** Percent-encodes (as UTF-8) every character that is not a cookie-octet; {@code %} itself stays. */
    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint < 0x80 && isCookieOctet((char) codePoint)) {
                encoded.append((char) codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        return encoded.toString();
    }
}
