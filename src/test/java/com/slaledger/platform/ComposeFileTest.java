package com.slaledger.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yml starts nothing without the secrets it needs: each is required with
 * {@code ${VAR:?message}} (Compose "Interpolation": the error stops {@code docker compose up}), and no
 * default password such as {@code change-me} is left to forget.
 */
class ComposeFileTest {

    @Test
    void theComposeFileRequiresItsSecretsAndDefaultsNone() throws IOException {
        String compose = Files.readString(Path.of("docker/compose.yml"));
        for (String secret : List.of("POSTGRES_PASSWORD", "SLA_LEDGER_ADMIN_USERNAME", "SLA_LEDGER_ADMIN_PASSWORD")) {
            assertTrue(compose.contains("${" + secret + ":?"), secret + " must be required");
            assertFalse(compose.contains("${" + secret + ":-") || compose.contains("${" + secret + "-")
                    || compose.contains("${" + secret + "}"), secret + " must have no default and no optional use");
        }
        assertFalse(compose.toLowerCase().contains("change-me"));
        assertTrue(compose.contains("QUARKUS_DATASOURCE_PASSWORD: ${POSTGRES_PASSWORD:?"));
    }
}
