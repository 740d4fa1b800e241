package com.slaledger.security;

import com.slaledger.testing.ProductionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every hostile-input case against the {@code prod} configuration (same boot as the production matrix). */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ProductionHostileInputTest extends HostileInputTest {
}
