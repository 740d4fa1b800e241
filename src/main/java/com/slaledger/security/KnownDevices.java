package com.slaledger.security;

import io.agroal.api.AgroalDataSource;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a successful
 * form sign-in the browser gets {@value #COOKIE} = {@code base64url(username).deviceId.signature}, the
 * signature an HMAC-SHA256 under a key kept in the database ({@link AppSecrets}), so every instance
 * accepts every instance's cookies. A later attempt for the same username carrying a valid cookie is a
 * known device: {@link LoginThrottle} counts it on its own instead of against the account and address.
 * The cookie grants no access by itself.
 */
@ApplicationScoped
public class KnownDevices {

    public static final String COOKIE = "sla-device";
    private static final int MAX_COOKIE_LENGTH = 400;

    private final SecureRandom random = new SecureRandom();
    private final AgroalDataSource dataSource;
    private final Duration lifetime;
    private volatile byte[] key;

    public KnownDevices(AgroalDataSource dataSource,
            @ConfigProperty(name = "sla-ledger.security.login.device-cookie-lifetime", defaultValue = "P180D")
            Duration lifetime) {
        this.dataSource = dataSource;
        this.lifetime = lifetime;
    }

    /** The device id of a cookie that is valid for this username; empty for a missing, altered or other user's cookie. */
    public Optional<String> verify(String cookieValue, String username) {
        if (cookieValue == null || username == null || cookieValue.length() > MAX_COOKIE_LENGTH) {
            return Optional.empty();
        }
        String[] parts = cookieValue.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        String signed = parts[0] + "." + parts[1];
        byte[] expected = sign(signed);
        byte[] given;
        String cookieUser;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
            cookieUser = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(expected, given) || !cookieUser.equals(normalize(username))) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    /** A new device cookie for this username: HttpOnly, SameSite=Strict, Secure over HTTPS, kept for the lifetime. */
    public Cookie issue(RoutingContext context, String username) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String signed = encoder.encodeToString(normalize(username).getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(id);
        return Cookie.cookie(COOKIE, signed + "." + encoder.encodeToString(sign(signed)))
                .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(context.request().isSSL()).setMaxAge(lifetime.toSeconds());
    }

    private byte[] sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            try (Connection connection = dataSource.getConnection()) {
                current = Base64.getDecoder().decode(AppSecrets.loadOrCreate(connection, AppSecrets.DEVICE_COOKIE_KEY));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the device-cookie key", e);
            }
            key = current;
        }
        return current;
    }

    private static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
