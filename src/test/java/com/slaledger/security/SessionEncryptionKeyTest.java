package com.slaledger.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * How a fresh installation's first starts meet the secrets table: instances starting at the same moment
 * on an empty {@code app_secret} (created with the statement of the V3 migration itself) store one key
 * and all get it, and later starts read it. (The whole start-up path, migrations included, runs before
 * every Quarkus test boot, through EmbeddedDatabaseTestResource, and SessionsTest checks its result.)
 */
class SessionEncryptionKeyTest {

    private static final Pattern CREATE_TABLE = Pattern.compile("create table app_secret \\(.*?\\);", Pattern.DOTALL);

    @Test
    void instancesStartingTogetherOnAnEmptyTableAgreeOnOneStoredKey() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            createSecretsTable(database);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<String>> starts = IntStream.range(0, 4).<Callable<String>>mapToObj(i -> () -> {
                    try (Connection connection = database.getConnection()) {
                        return AppSecrets.loadOrCreate(connection, AppSecrets.SESSION_ENCRYPTION_KEY);
                    }
                }).toList();
                Set<String> keys = pool.invokeAll(starts).stream().map(SessionEncryptionKeyTest::get)
                        .collect(Collectors.toSet());
                assertEquals(1, keys.size(), "every instance must get the same key: " + keys.size() + " differ");
                String key = keys.iterator().next();
                assertEquals(32, Base64.getDecoder().decode(key).length, "32 random bytes");
                try (Connection connection = database.getConnection()) {
                    // a restart reads the same key; another secret is another key
                    assertEquals(key, AppSecrets.loadOrCreate(connection, AppSecrets.SESSION_ENCRYPTION_KEY));
                    assertNotEquals(key, AppSecrets.loadOrCreate(connection, AppSecrets.DEVICE_COOKIE_KEY));
                    try (ResultSet rows = connection.createStatement().executeQuery(
                            "select count(*), min(value) from app_secret where name = 'session-encryption-key'")) {
                        rows.next();
                        assertEquals(1, rows.getInt(1));
                        assertEquals(key, rows.getString(2));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void createSecretsTable(DataSource database) throws Exception {
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V3__sessions_and_sign_in_limits.sql"));
        Matcher statement = CREATE_TABLE.matcher(migration);
        if (!statement.find()) {
            throw new AssertionError("V3 no longer creates app_secret");
        }
        try (Connection connection = database.getConnection()) {
            connection.createStatement().execute(statement.group());
        }
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
