package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claim rule on the contract form: a missing window is named beside its field; a saved rule shows on the versions. */
@QuarkusTest
class ContractClaimRulePagesTest {

    private static Map<String, Object> typed(String service, String rule, String days) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("effectiveFrom", "2024-01-01");
        form.put("effectiveTo", "");
        form.put("coveredServices", List.of(service));
        form.put("targetPercent", "99.9");
        form.put("tierBelow", List.of("99.9", "", ""));
        form.put("tierCredit", List.of("10", "", ""));
        form.put("feeAmount", "1000.00");
        form.put("feeCurrency", "EUR");
        form.put("creditCapPercent", "100");
        form.put("impactModel", "PROPORTIONAL");
        form.put("impactThresholdPercent", "");
        form.put("minimumOutageSeconds", "0");
        form.put("claimRule", rule);
        form.put("claimWindowDays", days);
        return form;
    }

    @Test
    void aClaimRuleWithoutItsWindowIsNamedBesideTheFieldAndASavedOneIsShown() {
        String client = Fixtures.client("page-claim-rule");
        String service = Fixtures.service("page-claim-svc");
        String path = "/contracts/" + client + "/new";

        Response refused = FormSession.open(path).post(path, typed(service, "CLAIM_WITHIN_DAYS", ""));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"claimWindowDays-error\"><span>is required for the"
                + " CLAIM_WITHIN_DAYS claim rule (1 to 366 days)</span>"), refused.asString());
        Response notANumber = FormSession.open(path).post(path, typed(service, "CLAIM_WITHIN_DAYS", "two weeks"));
        assertEquals(400, notANumber.statusCode());
        assertTrue(notANumber.asString().contains("id=\"claimWindowDays-error\"><span>must be a whole number of days"),
                notANumber.asString());

        Response saved = FormSession.open(path).post(path, typed(service, "CLAIM_WITHIN_DAYS", "15"));
        assertEquals(303, saved.statusCode(), saved.asString());
        JsonPath stored = given().get("/api/clients/" + client + "/contracts").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("CLAIM_WITHIN_DAYS", stored.getString("[0].claimRule"));
        assertEquals(15, stored.getInt("[0].claimWindowDays"));
        String versions = given().accept("text/html").get("/contracts/" + client).then().statusCode(200).extract()
                .asString();
        assertTrue(versions.contains("claim within 15 days of month end"), versions);
    }
}
