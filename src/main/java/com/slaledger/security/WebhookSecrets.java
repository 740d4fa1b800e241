package com.slaledger.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The shared secret each webhook source (Alertmanager, PagerDuty...) presents instead of a user's
 * credentials: {@code sla-ledger.webhooks.<source>.secret}, set from the environment
 * ({@code SLA_LEDGER_WEBHOOKS_<SOURCE>_SECRET}). A source without a configured secret accepts nothing.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Pattern SOURCE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");

    private final Function<String, Optional<String>> settings;

    @Inject
    public WebhookSecrets(Config config) {
        this(name -> config.getOptionalValue(name, String.class));
    }

    WebhookSecrets(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    public boolean isConfigured(String source) {
        return configured(source).isPresent();
    }

    /**
     * Whether the presented secret is the configured one. Both are hashed first and the digests
     * compared with {@link MessageDigest#isEqual}, so the time taken tells nothing about how much of
     * the secret, or its length, was guessed right.
     */
    public boolean matches(String source, String presented) {
        Optional<String> expected = configured(source);
        if (expected.isEmpty() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected.get()), sha256(presented));
    }

    /** The webhook endpoints, which answer to a source's secret and to no user (application.properties permits them). */
    public static final Set<String> WEBHOOK_PATHS = Set.of("/api/ingest/alertmanager", "/api/ingest/grafana",
            "/api/ingest/pagerduty", "/api/ingest/opsgenie");

    /** Signatures one header may carry: PagerDuty sends one per active secret, two during a rotation. */
    static final int MAX_SIGNATURES = 10;

    /**
     * Whether a PagerDuty-style signature header ({@code v1=<hex>,v1=<hex>}: HMAC-SHA256 of the raw body
     * under the source's secret, one per secret PagerDuty holds during a rotation) carries the signature of
     * this body under the configured secret. Every listed signature is compared, each with
     * {@link MessageDigest#isEqual}, so the time taken does not tell which one matched or how closely
     * (https://developer.pagerduty.com/docs/verifying-webhook-signatures).
     */
    public boolean signatureMatches(String source, byte[] body, String header) {
        Optional<String> secret = configured(source);
        if (secret.isEmpty() || header == null || header.length() > 2000) {
            return false;
        }
        byte[] expected = ("v1=" + hmacSha256Hex(secret.get(), body)).getBytes(StandardCharsets.US_ASCII);
        List<String> presented = List.of(header.split(","));
        if (presented.size() > MAX_SIGNATURES) {
            return false;
        }
        boolean matched = false;
        for (String signature : presented) {
            byte[] candidate = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            matched |= MessageDigest.isEqual(expected, candidate);
        }
        return matched;
    }

    /** Lower-case hex HMAC-SHA256 of {@code body} under {@code secret} (UTF-8). */
    public static String hmacSha256Hex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private Optional<String> configured(String source) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            return Optional.empty();
        }
        return settings.apply("sla-ledger.webhooks." + source + ".secret").filter(secret -> !secret.isBlank());
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
