package com.slaledger.security;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Random secrets kept in the {@code app_secret} table, so every instance on one database and every
 * restart use the same one. The first caller stores 32 bytes from {@link SecureRandom} (Base64);
 * concurrent first callers agree, because the insert yields to an existing row
 * ({@code on conflict do nothing}) and everyone then reads the row that won. Values are never logged.
 */
final class AppSecrets {

    /** Keys the encrypted form-login cookie ({@code quarkus.http.auth.session.encryption-key}). */
    static final String SESSION_ENCRYPTION_KEY = "session-encryption-key";
    /** Keys the HMAC of known-device cookies ({@link KnownDevices}). */
    static final String DEVICE_COOKIE_KEY = "device-cookie-key";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AppSecrets() {
    }

    /** The secret of this name, stored now if there is none yet. Needs the V3 schema. */
    static String loadOrCreate(Connection connection, String name) throws SQLException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into app_secret (name, value) values (?, ?) on conflict (name) do nothing")) {
            insert.setString(1, name);
            insert.setString(2, Base64.getEncoder().encodeToString(bytes));
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("select value from app_secret where name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("app_secret has no row '" + name + "' right after inserting it");
                }
                return row.getString(1);
            }
        }
    }
}
