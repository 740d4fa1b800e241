package com.slaledger.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PagerDuty's v1 signatures: HMAC-SHA256 of the raw body, several during a secret rotation. */
class WebhookSignatureTest {

    private final WebhookSecrets secrets = new WebhookSecrets(
            name -> Optional.ofNullable(Map.of("sla-ledger.webhooks.pagerduty.secret", "new-secret").get(name)));
    private final byte[] body = "{\"event\":{}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theHmacIsTheRfc4231Value() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSecrets.hmacSha256Hex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneOfSeveralSignaturesMatchingIsEnough() {
        String current = "v1=" + WebhookSecrets.hmacSha256Hex("new-secret", body);
        String old = "v1=" + WebhookSecrets.hmacSha256Hex("old-secret", body);
        assertTrue(secrets.signatureMatches("pagerduty", body, current));
        assertTrue(secrets.signatureMatches("pagerduty", body, old + "," + current));
        assertTrue(secrets.signatureMatches("pagerduty", body, current + ", " + old));
    }

    @Test
    void otherSecretsOtherBodiesAndOtherSchemesDoNotMatch() {
        assertFalse(secrets.signatureMatches("pagerduty", body, "v1=" + WebhookSecrets.hmacSha256Hex("old-secret", body)));
        assertFalse(secrets.signatureMatches("pagerduty", "{}".getBytes(StandardCharsets.UTF_8),
                "v1=" + WebhookSecrets.hmacSha256Hex("new-secret", body)));
        assertFalse(secrets.signatureMatches("pagerduty", body, "v0=" + WebhookSecrets.hmacSha256Hex("new-secret", body)));
        assertFalse(secrets.signatureMatches("pagerduty", body, null));
        assertFalse(secrets.signatureMatches("opsgenie", body, "v1=" + WebhookSecrets.hmacSha256Hex("new-secret", body)));
    }
}
