package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReliabilityPagesTest {

    @Test
    void medianP90AndMeanPerService() {
        String service = Fixtures.service("rel");
        // detected after 4 and 6 minutes, acknowledged after 10, restored after 30 (from the start)
        record(service, "2021-03-10T08:00:00Z", "2021-03-10T08:04:00Z", "2021-03-10T08:10:00Z", "2021-03-10T08:30:00Z");
        record(service, "2021-03-12T08:00:00Z", "2021-03-12T08:06:00Z", "2021-03-12T08:10:00Z", "2021-03-12T08:30:00Z");
        String html = given().accept("text/html").queryParam("from", "2021-03-01").queryParam("to", "2021-03-31")
                .queryParam("groupBy", "service").get("/reliability").then().statusCode(200).extract().asString();
        String row = SlaPagesFixtures.row(html, "group-" + service);
        String cells = row.replaceAll("\\s+", " ");
        // the row and its count lead to the incidents behind them
        String incidents = "/incidents?service=" + service + "&amp;from=2021-03-01&amp;to=2021-03-31";
        assertTrue(cells.contains("<th scope=\"row\"><a href=\"" + incidents + "\">" + service + "</a></th>"), cells);
        assertTrue(cells.contains("<td class=\"num\"><a href=\"" + incidents + "\">2</a></td>"), cells);
        // MTTD 4 and 6 min, MTTA (detection to acknowledgement) 6 and 4 min: median 5, p90 5 min 48 s, mean 5;
        // MTTR all 30 min
        String fiveEtc = "<td class=\"num nowrap group-start\">5 min</td><td class=\"num nowrap\">5 min 48 s</td><td class=\"num nowrap\">5 min</td>";
        assertTrue(cells.contains("2</a></td> " + fiveEtc + " " + fiveEtc), cells);
        assertTrue(cells.contains("<td class=\"num nowrap group-start\">30 min</td><td class=\"num nowrap\">30 min</td><td class=\"num nowrap\">30 min</td>"), cells);
        assertTrue(html.contains("value=\"2021-03-01\""), html);
        assertTrue(html.contains("<option value=\"service\" selected>Service</option>"), html);
        // the fleet's trends: one chart per series, each with its verdict
        assertEquals(5, html.split("<figure class=\"trend ", -1).length - 1, html);
        assertTrue(html.contains("id=\"trend-MTTR_SECONDS\""), html);
        // two 30-minute outages at full impact: one hour of downtime for the service
        String downtime = SlaPagesFixtures.row(html, "downtime-" + service).replaceAll("\\s+", " ");
        assertTrue(downtime.contains(">2</a></td><td class=\"num nowrap\">1 h 00 min</td>"), downtime);
        assertTrue(downtime.contains("<a href=\"" + incidents + "\">" + service + "</a>"), downtime);
    }

    @Test
    void groupedBySeverityAndBadParametersRefused() {
        String html = given().accept("text/html").queryParam("from", "2021-03-01").queryParam("to", "2021-03-31")
                .queryParam("groupBy", "severity").get("/reliability").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<option value=\"severity\" selected>Severity</option>"), html);
        given().accept("text/html").queryParam("groupBy", "colour").get("/reliability").then().statusCode(400);
        given().accept("text/html").queryParam("from", "2021-04-01").queryParam("to", "2021-03-01")
                .get("/reliability").then().statusCode(400);
    }

    private static void record(String service, String started, String detected, String acknowledged, String restored) {
        Map<String, Object> incident = new HashMap<>();
        incident.put("source", "rel-test");
        incident.put("externalId", TestData.uniqueKey("inc"));
        incident.put("title", "Reliability " + service);
        incident.put("severity", "SEV3");
        incident.put("affectedServices", List.of(service));
        incident.put("startedAt", started);
        incident.put("detectedAt", detected);
        incident.put("acknowledgedAt", acknowledged);
        incident.put("mitigatedAt", restored);
        incident.put("resolvedAt", restored);
        given().contentType(ContentType.JSON).body(incident).post("/api/incidents").then().statusCode(201);
    }
}
