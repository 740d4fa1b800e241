package com.slaledger.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Function;
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
