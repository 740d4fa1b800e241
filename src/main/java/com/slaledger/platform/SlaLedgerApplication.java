package com.slaledger.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the embedded PostgreSQL before Quarkus reads its datasource configuration, so a
 * newcomer needs nothing but a JDK; with a configured database it starts nothing.
 */
@QuarkusMain
public class SlaLedgerApplication {

    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured();
        Quarkus.run(args);
    }
}
