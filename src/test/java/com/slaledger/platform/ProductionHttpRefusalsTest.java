package com.slaledger.platform;

import com.slaledger.testing.ProductionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every HTTP-layer refusal against the {@code prod} configuration (same boot as the production matrix). */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ProductionHttpRefusalsTest extends HttpRefusalsTest {
}
