package com.slaledger.testing;

import com.slaledger.platform.EmbeddedDatabase;
import com.slaledger.security.SessionEncryptionKey;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One real PostgreSQL for the whole test run, on a free port, unless QUARKUS_DATASOURCE_JDBC_URL
 * names a server to test against. Tests keep apart by creating their own rows, not databases.
 * Like the service's main method, it hands Quarkus the session encryption key stored in that database.
 */
@QuarkusTestResource(EmbeddedDatabaseTestResource.class)
public class EmbeddedDatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = new HashMap<>();
        if (!EmbeddedDatabase.isDatabaseConfigured()) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
            }
            properties.putAll(EmbeddedDatabase.connectionProperties(postgres));
        }
        properties.putAll(SessionEncryptionKey.unlessConfigured(properties));
        return properties;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
