package com.slaledger.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The start-up path of the session key against a brand-new database, as the first start of a fresh
 * installation meets it: the schema is created, one key is stored, and instances starting at the same
 * moment, or later, all get that one.
 */
class SessionEncryptionKeyTest {

    @Test
    void instancesStartingTogetherOnAFreshDatabaseAgreeOnOneStoredKey() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<String>> starts = IntStream.range(0, 4)
                        .<Callable<String>>mapToObj(i -> () -> SessionEncryptionKey.loadOrCreate(url, "postgres", "postgres"))
                        .toList();
                Set<String> keys = pool.invokeAll(starts).stream().map(SessionEncryptionKeyTest::get)
                        .collect(Collectors.toSet());
                assertEquals(1, keys.size(), "every instance must get the same key: " + keys.size() + " differ");
                String key = keys.iterator().next();
                assertEquals(32, Base64.getDecoder().decode(key).length, "32 random bytes");
                // a restart reads the same key
                assertEquals(key, SessionEncryptionKey.loadOrCreate(url, "postgres", "postgres"));
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                        ResultSet rows = connection.createStatement().executeQuery(
                                "select count(*), min(value) from app_secret where name = 'session-encryption-key'")) {
                    rows.next();
                    assertEquals(1, rows.getInt(1));
                    assertEquals(key, rows.getString(2));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anotherDatabaseGetsAnotherKey() throws Exception {
        try (EmbeddedPostgres first = EmbeddedPostgres.builder().start();
                EmbeddedPostgres second = EmbeddedPostgres.builder().start()) {
            String a = SessionEncryptionKey.loadOrCreate(first.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            String b = SessionEncryptionKey.loadOrCreate(second.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
            assertNotEquals(a, b);
            assertTrue(a.length() >= 44 && b.length() >= 44);
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
