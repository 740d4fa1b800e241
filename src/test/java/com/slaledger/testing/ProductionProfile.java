package com.slaledger.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the application with the {@code prod} configuration profile, so the rules that hold only in
 * production (everything under {@code /q} but health behind a login, no dev tools) are tested as
 * shipped. Only what a deployment supplies from its environment is given here: the first admin, the
 * session key and a free port; the database is the suite's embedded PostgreSQL as for every test.
 * Every test class using this profile shares one boot (the same profile class, the same config).
 */
public class ProductionProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "prod";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.test-port", "0",
                "sla-ledger.admin.username", SignInAsTestAdmin.USERNAME,
                "sla-ledger.admin.password", SignInAsTestAdmin.PASSWORD,
                "sla-ledger.security.bcrypt-cost", "4",
                "quarkus.http.auth.session.encryption-key", "test-only-session-key-0123456789abcdef");
    }
}
