package com.slaledger.credit;

import static com.slaledger.credit.CreditFixtures.client;
import static com.slaledger.credit.CreditFixtures.contract;
import static com.slaledger.credit.CreditFixtures.creditId;
import static com.slaledger.credit.CreditFixtures.creditOf;
import static com.slaledger.credit.CreditFixtures.outage;
import static com.slaledger.credit.CreditFixtures.sync;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The scheduled job (off in tests: run here by hand) expires owed credits whose deadline passed, as the
 * system. The deadline here lies in 2024, so the outcome does not depend on when the test runs.
 */
@QuarkusTest
class CreditSyncJobTest {

    @Inject
    CreditSyncJob job;

    @Test
    void theJobExpiresOwedCreditsPastTheirDeadlineAsTheSystem() {
        CreditFixtures.Client client = client("job");
        contract(client, "2024-01-01", "12000.00", "EUR", 15);
        outage(client, "2024-01-10T00:00:00Z", "2024-01-10T01:00:00Z");
        sync("2024-01", "2024-02-02T00:00:00Z").statusCode(200);
        long id = creditId(client, "2024-01");
        creditOf(client, "2024-01").body("items[0].state", equalTo("owed"));

        job.run();

        creditOf(client, "2024-01").body("items[0].state", equalTo("expired"));
        JsonPath audit = given().queryParam("entity", "credit").queryParam("id", id).when().get("/api/audit")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("expire", audit.getString("[0].action"));
        assertEquals("system", audit.getString("[0].actor"));
    }
}
