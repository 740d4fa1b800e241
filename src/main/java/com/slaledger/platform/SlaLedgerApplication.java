package com.slaledger.platform;

import com.slaledger.security.SessionEncryptionKey;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Map;

/**
 * Starts the embedded PostgreSQL before Quarkus reads its datasource configuration, so a
 * newcomer needs nothing but a JDK; with a configured database it starts nothing. Then, unless one is
 * configured, it hands Quarkus the session encryption key kept in the database ({@link SessionEncryptionKey}),
 * which Quarkus reads while it starts.
 */
@QuarkusMain
public class SlaLedgerApplication {

    public static void main(String... args) {
        EmbeddedDatabase.startUnlessConfigured();
        SessionEncryptionKey.unlessConfigured(Map.of()).forEach(System::setProperty);
        Quarkus.run(args);
    }
}
