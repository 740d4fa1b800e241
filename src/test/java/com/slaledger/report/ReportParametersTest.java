package com.slaledger.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every bad parameter is a problem document naming it; unknown clients and services are 404s. */
@QuarkusTest
class ReportParametersTest {

    private static ValidatableResponse get(String path, String... parameters) {
        var request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get(path).then().contentType(startsWith("application/problem+json"));
    }

    private static void badParameter(ValidatableResponse response, String... names) {
        response.statusCode(400).body("status", equalTo(400)).body("violations.field", containsInAnyOrder(names));
    }

    @Test
    void aMonthThatIsNotYyyyMmIsRefused() {
        badParameter(get("/api/reports/clients/anyone/sla", "month", "2024-13"), "month");
        badParameter(get("/api/reports/sla", "month", "2024-13"), "month");
        badParameter(get("/api/reports/sla", "month", "January"), "month");
    }

    @Test
    void anAsOfThatIsNotAnInstantIsRefused() {
        badParameter(get("/api/reports/sla", "asOf", "yesterday"), "asOf");
        badParameter(get("/api/reports/clients/anyone/sla", "month", "2024-00", "asOf", "2024-01-01"), "month", "asOf");
    }

    @Test
    void reliabilityRefusesFromAfterToBadInstantsAndUnknownGroupings() {
        badParameter(get("/api/reports/reliability", "from", "2024-02-01T00:00:00Z", "to", "2024-01-01T00:00:00Z"), "from");
        badParameter(get("/api/reports/reliability", "from", "2024-01-01T00:00:00Z", "to", "2024-01-01T00:00:00Z"), "from");
        badParameter(get("/api/reports/reliability", "from", "last week"), "from");
        badParameter(get("/api/reports/reliability", "to", "soon"), "to");
        get("/api/reports/reliability", "groupBy", "team").statusCode(400)
                .body("violations.field", contains("groupBy"))
                .body("violations[0].message", equalTo("must be one of none, service, severity, client, month"));
    }

    @Test
    void trendsRefuseMonthCountsOutsideTwoToSixtyAndUnknownFormats() {
        badParameter(get("/api/reports/trends", "months", "0"), "months");
        badParameter(get("/api/reports/trends", "months", "1"), "months");
        badParameter(get("/api/reports/trends", "months", "61"), "months");
        badParameter(get("/api/reports/trends", "months", "twelve"), "months");
        get("/api/reports/trends", "months", "61").body("violations[0].message",
                equalTo("must be a whole number from 2 to 60"));
        badParameter(get("/api/reports/trends", "format", "xlsx"), "format");
        badParameter(get("/api/reports/sla", "format", "pdf", "month", "2024-13"), "format", "month");
    }

    @Test
    void unknownClientsAndServicesAreNotFound() {
        get("/api/reports/clients/no-such-client/sla", "month", "2024-01").statusCode(404)
                .body("detail", equalTo("No client 'no-such-client'"));
        get("/api/reports/trends", "client", "no-such-client").statusCode(404)
                .body("detail", equalTo("No client 'no-such-client'"));
        get("/api/reports/trends", "service", "no-such-service").statusCode(404)
                .body("detail", equalTo("No service 'no-such-service'"));
    }
}
