package com.slaledger.testing;

import com.slaledger.platform.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One real PostgreSQL for the whole test run, on a free port, unless QUARKUS_DATASOURCE_JDBC_URL
 * names a server to test against. Tests keep apart by creating their own rows, not databases.
 */
@QuarkusTestResource(EmbeddedDatabaseTestResource.class)
public class EmbeddedDatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        if (EmbeddedDatabase.isDatabaseConfigured()) {
            return Map.of();
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
        return EmbeddedDatabase.connectionProperties(postgres);
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
