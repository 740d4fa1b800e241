package com.slaledger.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL (zonky's binaries) for the running service when none is configured. Its data
 * lives in {@code data/postgres} below the working directory, or in {@code SLA_LEDGER_DATA_DIR},
 * and survives restarts.
 */
public final class EmbeddedDatabase {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String URL_VARIABLE = "QUARKUS_DATASOURCE_JDBC_URL";
    private static final int DEFAULT_PORT = 55432;
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    /** Whether the user named a database: then we must not start our own. */
    public static boolean isDatabaseConfigured() {
        String variable = System.getenv(URL_VARIABLE);
        return System.getProperty(URL_PROPERTY) != null || (variable != null && !variable.isBlank());
    }

    static void startUnlessConfigured() {
        // In dev mode main runs again on every live reload; the property set below marks the running server.
        if (isDatabaseConfigured()) {
            return;
        }
        Path dataDirectory = Path.of(setting("SLA_LEDGER_DATA_DIR", "sla-ledger.data-dir", "data/postgres"))
                .toAbsolutePath();
        int port = Integer.parseInt(setting("SLA_LEDGER_EMBEDDED_PORT", "sla-ledger.embedded-port",
                String.valueOf(DEFAULT_PORT)));
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            connectionProperties(postgres).forEach(System::setProperty);
            LOG.infof("Embedded PostgreSQL on port %d, data in %s", port, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory
                    + " on port " + port + "; set QUARKUS_DATASOURCE_JDBC_URL to use another server", e);
        }
    }

    /** The datasource settings Quarkus needs to reach an embedded server. */
    public static Map<String, String> connectionProperties(EmbeddedPostgres postgres) {
        return Map.of(
                URL_PROPERTY, postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private static String setting(String variable, String property, String fallback) {
        String fromEnvironment = System.getenv(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return System.getProperty(property, fallback);
    }
}
