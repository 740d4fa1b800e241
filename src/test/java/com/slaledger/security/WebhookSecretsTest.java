package com.slaledger.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    private final WebhookSecrets secrets = new WebhookSecrets(name -> Optional.ofNullable(Map.of(
            "sla-ledger.webhooks.alertmanager.secret", "s3cret-for-alertmanager",
            "sla-ledger.webhooks.pagerduty.secret", "another-one",
            "sla-ledger.webhooks.blank.secret", "  ").get(name)));

    @Test
    void acceptsExactlyTheConfiguredSecretOfThatSource() {
        assertTrue(secrets.matches("alertmanager", "s3cret-for-alertmanager"));
        assertTrue(secrets.matches("pagerduty", "another-one"));
    }

    @Test
    void refusesAnyOtherSecretIncludingPrefixesAndAnotherSourcesSecret() {
        assertFalse(secrets.matches("alertmanager", "s3cret-for-alertmanage"));
        assertFalse(secrets.matches("alertmanager", "s3cret-for-alertmanagerX"));
        assertFalse(secrets.matches("alertmanager", "S3CRET-FOR-ALERTMANAGER"));
        assertFalse(secrets.matches("alertmanager", "another-one"));
        assertFalse(secrets.matches("alertmanager", ""));
        assertFalse(secrets.matches("alertmanager", null));
    }

    @Test
    void aSourceWithoutASecretAcceptsNothing() {
        assertFalse(secrets.isConfigured("github"));
        assertFalse(secrets.matches("github", ""));
        assertFalse(secrets.matches("github", "anything"));
        assertFalse(secrets.isConfigured("blank"), "a blank secret counts as none");
        assertFalse(secrets.matches("blank", "  "));
    }

    @Test
    void sourceNamesCannotReachOtherSettings() {
        assertFalse(secrets.isConfigured("alertmanager.secret.x"));
        assertFalse(secrets.matches("../alertmanager", "s3cret-for-alertmanager"));
        assertFalse(secrets.matches(null, "s3cret-for-alertmanager"));
        assertTrue(secrets.isConfigured("alertmanager"));
    }
}
