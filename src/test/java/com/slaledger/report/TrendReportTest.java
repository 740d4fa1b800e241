package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.number;
import static com.slaledger.report.ReportFixtures.record;
import static com.slaledger.report.ReportFixtures.terms;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slaledger.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trends over the last four months; the data sit in the three complete ones, so the current month is empty. */
@QuarkusTest
class TrendReportTest {

    /**
     * One service, UTC months m−3, m−2, m−1 and the current m, incidents on days 10, 12 and 14 at 00:00:
     * <pre>
     * month  incidents  TTA each  TTR each  downtime
     * m−3    1          600       600       600
     * m−2    2          300       1200      2400
     * m−1    3          100       1800      5400
     * m      0          -         -         0
     * incident count 1, 2, 3, 0: x̄ = 1.5, ȳ = 1.5, Sxy = −1, Sxx = 5 → slope −0.2
     * MTTA 600, 300, 100: slope −250; residuals 16.7, −33.3, 16.7, s² = 1666.7, se = 28.87, t = −8.66 with one
     *      degree of freedom (Cauchy): p = 1 − (2/π)·atan(8.66) = 0.0732 → no significant change
     * MTTR 600, 1200, 1800: a perfect line, slope 600, p = 0 → worsening (longer restores are worse)
     * </pre>
     */
    @Test
    void aServicesMonthlySeriesWithSlopesAndVerdicts() {
        String service = Fixtures.service("trending");
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        recordMonth(service, current.minusMonths(3), 1, 600, 600);
        recordMonth(service, current.minusMonths(2), 2, 300, 1200);
        recordMonth(service, current.minusMonths(1), 3, 100, 1800);

        api().queryParam("months", 4).queryParam("service", service).get("/api/reports/trends").then().statusCode(200)
                .body("zone", equalTo("UTC"))
                .body("service", equalTo(service))
                .body("firstMonth", equalTo(current.minusMonths(3).toString()))
                .body("lastMonth", equalTo(current.toString()))
                .body("rows.month", contains(current.minusMonths(3).toString(), current.minusMonths(2).toString(),
                        current.minusMonths(1).toString(), current.toString()))
                .body("rows.provisional", contains(false, false, false, true))
                .body("rows.incidentCount", contains(1, 2, 3, 0))
                .body("rows.downtimeSeconds", contains(number(600), number(2400), number(5400), number(0)))
                .body("rows.mttaSeconds", contains(number(600), number(300), number(100), nullValue()))
                .body("rows.mttrSeconds", contains(number(600), number(1200), number(1800), nullValue()))
                .body("rows[3].availabilityPercent", equalTo("100"))
                .body("series.metric", contains("INCIDENT_COUNT", "DOWNTIME_SECONDS", "AVAILABILITY_PERCENT",
                        "MTTA_SECONDS", "MTTR_SECONDS"))
                .body("series[0].slopePerMonth", closeTo(new BigDecimal("-0.2"), new BigDecimal("1e-9")))
                .body("series[3].slopePerMonth", closeTo(new BigDecimal("-250"), new BigDecimal("1e-6")))
                .body("series[3].pValue", closeTo(new BigDecimal("0.0732"), new BigDecimal("0.0005")))
                .body("series[3].verdict", equalTo("NO_SIGNIFICANT_CHANGE"))
                .body("series[4].slopePerMonth", closeTo(new BigDecimal("600"), new BigDecimal("1e-6")))
                .body("series[4].verdict", equalTo("WORSENING"))
                .body("series[4].points[3].value", nullValue());

        // availability of m−1: 1 − 5400 / |m−1| exactly, the month's own length
        BigDecimal seconds = BigDecimal.valueOf(current.minusMonths(1).lengthOfMonth() * 86400L);
        BigDecimal expected = BigDecimal.ONE.subtract(new BigDecimal(5400).divide(seconds, 30, java.math.RoundingMode.FLOOR))
                .movePointRight(2).setScale(15, java.math.RoundingMode.FLOOR).stripTrailingZeros();
        String availability = api().queryParam("months", 4).queryParam("service", service).get("/api/reports/trends")
                .then().extract().jsonPath().getString("rows[2].availabilityPercent");
        assertEquals(0, expected.compareTo(new BigDecimal(availability)), availability);

        String csv = given().queryParam("months", 4).queryParam("service", service).queryParam("format", "csv")
                .get("/api/reports/trends").then().statusCode(200).extract().asString();
        List<List<String>> records = CsvParser.parse(csv);
        assertEquals(List.of("month", "provisional", "incidentCount", "downtimeSeconds", "availabilityPercent",
                "mttaSeconds", "mttrSeconds"), records.get(0));
        assertEquals(List.of(current.minusMonths(1).toString(), "false", "3", "5400", availability, "100", "1800"),
                records.get(3));
        assertEquals(List.of(current.toString(), "true", "0", "0", "100", "", ""), records.get(4));
    }

    /**
     * A client in Asia/Tokyo under THRESHOLD(50): in m−2 (Tokyo months), a 25% incident weighs 0 and a 75% one
     * weighs 1, so downtime is the 75% incident's 1,800 s; both count as incidents. Before the contract (m−3)
     * there is no availability, but the incident naming the client still counts.
     */
    @Test
    void aClientsSeriesUsesItsZoneAndContract() {
        String service = Fixtures.service("tokyo-svc");
        String client = Fixtures.client("tokyo", "Asia/Tokyo");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        YearMonth current = YearMonth.now(tokyo);
        Map<String, Object> model = terms(current.minusMonths(2).atDay(1).toString(), List.of(service), "99.9",
                "100000", "JPY", List.of());
        model.put("impactModel", "THRESHOLD");
        model.put("impactThresholdPercent", new BigDecimal("50"));
        contract(client, model);
        Instant midMonth = current.minusMonths(2).atDay(15).atStartOfDay(tokyo).toInstant();
        Map<String, Object> light = incident("light", List.of(service), midMonth.toString(),
                midMonth.plusSeconds(3600).toString());
        light.put("impactPercent", 25);
        record(light);
        Map<String, Object> heavy = incident("heavy", List.of(service), midMonth.plusSeconds(7200).toString(),
                midMonth.plusSeconds(9000).toString());
        heavy.put("impactPercent", 75);
        record(heavy);
        Instant before = current.minusMonths(3).atDay(15).atStartOfDay(tokyo).toInstant();
        Map<String, Object> named = incident("before the contract", List.of(service), before.toString(),
                before.plusSeconds(60).toString());
        named.put("affectedClients", List.of(client));
        record(named);

        api().queryParam("months", 4).queryParam("client", client).get("/api/reports/trends").then().statusCode(200)
                .body("zone", equalTo("Asia/Tokyo"))
                .body("client", equalTo(client))
                .body("rows.month", contains(current.minusMonths(3).toString(), current.minusMonths(2).toString(),
                        current.minusMonths(1).toString(), current.toString()))
                .body("rows.incidentCount", contains(1, 2, 0, 0))
                .body("rows[0].downtimeSeconds", nullValue())
                .body("rows[0].availabilityPercent", nullValue())
                .body("rows[1].downtimeSeconds", number(1800))
                .body("rows[2].downtimeSeconds", number(0));
    }

    private static void recordMonth(String service, YearMonth month, int count, long ttaSeconds, long ttrSeconds) {
        for (int i = 0; i < count; i++) {
            Instant started = month.atDay(10 + 2 * i).atStartOfDay().toInstant(ZoneOffset.UTC);
            Map<String, Object> body = incident("incident " + i + " of " + month, List.of(service), started.toString(),
                    started.plusSeconds(ttrSeconds).toString());
            body.put("detectedAt", started.toString());
            body.put("acknowledgedAt", started.plusSeconds(ttaSeconds).toString());
            record(body);
        }
    }
}
