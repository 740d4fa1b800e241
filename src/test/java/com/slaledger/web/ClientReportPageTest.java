package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The printable client report: summary table, chart, issue date, and internal fields left out unless asked. */
@QuarkusTest
class ClientReportPageTest {

    @Test
    void theSummaryTableShowsStartInTheClientsZoneDurationImpactAndServiceByName() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("Europe/Berlin");
        String html = given().accept("text/html").queryParam("month", "2024-01")
                .get("/clients/" + example.client() + "/report").then().statusCode(200).extract().asString();
        String row = SlaPagesFixtures.row(html, "summary-" + example.incidentId());
        // 09:00Z is 10:00 in Berlin in January; 22 minutes at 100 %, on the service named "Service <key>"
        assertTrue(row.contains("2024-01-16 10:00"), row);
        assertTrue(row.contains("22 min"), row);
        assertTrue(row.contains("100 %"), row);
        assertTrue(row.contains("Service " + example.service()), row);
        assertFalse(row.contains("SEV2"), "severity is internal unless asked for: " + row);
        assertFalse(html.contains(">SEV2<") || html.contains("severity SEV2"), "no severity anywhere");
        assertTrue(html.contains("data-print"), "a Print button");
        assertTrue(html.contains("<svg class=\"availability-chart\""), "the 12-month chart");
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        String yesterday = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1).toString();
        assertTrue(html.contains("<time id=\"issued\" datetime=\"" + today + "\">")
                || html.contains("<time id=\"issued\" datetime=\"" + yesterday + "\">"), "the issue date");
        assertFalse(html.contains("onclick"), "no inline script (CSP)");
    }

    @Test
    void internalFieldsComeBackWhenAskedFor() {
        SlaPagesFixtures.WorkedExample example = SlaPagesFixtures.workedExample("UTC");
        String html = given().accept("text/html").queryParam("month", "2024-01").queryParam("include", "severity")
                .get("/clients/" + example.client() + "/report").then().statusCode(200).extract().asString();
        assertTrue(SlaPagesFixtures.row(html, "summary-" + example.incidentId()).contains("<td>SEV2</td>"), html);
        assertTrue(html.contains("value=\"severity\" checked"), "the option shows as chosen");
    }
}
