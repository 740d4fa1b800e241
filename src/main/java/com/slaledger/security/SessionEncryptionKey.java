package com.slaledger.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The key that encrypts the form-login cookie. Quarkus reads it from
 * {@code quarkus.http.auth.session.encryption-key} when it builds the form mechanism; without one it
 * would pick a temporary key, print it in the log (anyone reading the log could then mint a cookie),
 * sign everybody out on a restart and differ between instances. So, before Quarkus starts, a key that
 * is not configured ({@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY}) is read from the database, or
 * generated and stored there on the very first start ({@link AppSecrets}), and handed to Quarkus as a
 * system property. The schema is migrated first (Flyway, the same migrations Quarkus runs) so the
 * table exists on a fresh database. See docs/security.md, "Sessions".
 */
public final class SessionEncryptionKey {

    public static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String VARIABLE = "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";
    private static final Logger LOG = Logger.getLogger(SessionEncryptionKey.class);

    private SessionEncryptionKey() {
    }

    /** Whether the operator configured a key (environment or system property): then it is used as is. */
    public static boolean isConfigured() {
        String variable = System.getenv(VARIABLE);
        return System.getProperty(PROPERTY) != null || (variable != null && !variable.isBlank());
    }

    /**
     * Unless a key is configured, reads or creates the shared key in the database named by the
     * datasource settings ({@code quarkus.datasource.jdbc.url}, {@code .username}, {@code .password}: from
     * the given map, then system properties, then the environment).
     *
     * @return the property to hand to Quarkus (empty when a key is configured or no database is named)
     * @throws IllegalStateException when the database cannot be reached or migrated
     */
    public static Map<String, String> unlessConfigured(Map<String, String> datasource) {
        if (isConfigured()) {
            return Map.of();
        }
        String url = setting(datasource, "quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL");
        if (url == null) {
            return Map.of();
        }
        String key = loadOrCreate(url, setting(datasource, "quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME"),
                setting(datasource, "quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD"));
        LOG.info("Session encryption key: the one stored in the database (app_secret)");
        return Map.of(PROPERTY, key);
    }

    /** Migrates the schema, then returns the stored key, creating it on the first call against this database. */
    public static String loadOrCreate(String jdbcUrl, String username, String password) {
        Flyway.configure(SessionEncryptionKey.class.getClassLoader()).dataSource(jdbcUrl, username, password).load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password)) {
            return AppSecrets.loadOrCreate(connection, AppSecrets.SESSION_ENCRYPTION_KEY);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read or store the session encryption key; set "
                    + VARIABLE + " or check the database settings", e);
        }
    }

    private static String setting(Map<String, String> given, String property, String variable) {
        String value = given.get(property);
        if (value == null) {
            value = System.getProperty(property);
        }
        if (value == null) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
