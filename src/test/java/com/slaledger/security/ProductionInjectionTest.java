package com.slaledger.security;

import com.slaledger.testing.ProductionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The injection sweep against the {@code prod} configuration (same boot as the production matrix). */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ProductionInjectionTest extends InjectionTest {
}
