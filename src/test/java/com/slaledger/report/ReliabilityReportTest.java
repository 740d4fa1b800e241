package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.api;
import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.number;
import static com.slaledger.report.ReportFixtures.record;
import static com.slaledger.report.ReportFixtures.terms;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.slaledger.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Five incidents in month M and one in M+1, M a month of the 20th century no other test uses, so that no
 * other test's incidents share the window (the grouping by severity and by month is fleet-wide). Seconds after startedAt:
 * <pre>
 *      day sev   detected  acknowledged  mitigated  resolved   TTD  TTA  TTR   TTResolve
 * i1   2   SEV1  60        360           1800       3600       60   300  1800  3600
 * i2   4   SEV2  120       720           3600       7200       120  600  3600  7200      names client C2 only
 * i3   6   SEV2  0         100           600        600        0    100  600   600
 * i4   8   SEV3  300       -             -          -          300  miss open  open      ongoing, excluded
 * i5   10  SEV3  -         -             1200       -          miss miss 1200  open
 * i6   M+1 day 2, SEV4, det 0, ack 50, mitigated = resolved 900                          TTR 900
 *
 * over M (R-7: h = (n−1)·p, value at floor(h) plus the fraction of the step to the next):
 * MTTD  0, 60, 120, 300     n 4, mean 120, median h1.5 → 90, p90 h2.7 → 120 + 0.7·180 = 246, max 300, missing 1
 * MTTA  100, 300, 600       n 3, mean 333.333333, median 300, p90 h1.8 → 300 + 0.8·300 = 540, missing 2
 * MTTR  600, 1200, 1800, 3600  n 4, mean 1800, median 1500, p90 h2.7 → 1800 + 0.7·1800 = 3060, open 1
 * MTTResolve 600, 3600, 7200   n 3, mean 3800, median 3600, p90 h1.8 → 3600 + 0.8·3600 = 6480, open 2
 * MTBF over M: outages i1, i2, i3, i5 (i4 is excluded); gaps (2d − 1800) + (2d − 3600) + (4d − 600)
 *      = 8·86400 − 6000 = 685,200 s over 3 gaps = 228,400 s
 * </pre>
 */
@QuarkusTest
class ReliabilityReportTest {

    /** Each test's data spans two months; three apart keeps tests of one run out of each other's windows. */
    private static final AtomicInteger NEXT_MONTH = new AtomicInteger(3 * ThreadLocalRandom.current().nextInt(300));

    private YearMonth month;
    private String service;
    private String c1;
    private String c2;

    @BeforeEach
    void recordIncidents() {
        month = YearMonth.of(1901, 1).plusMonths(NEXT_MONTH.getAndAdd(3));
        service = Fixtures.service("reliable");
        c1 = Fixtures.client("covered", "UTC");
        c2 = Fixtures.client("named", "UTC");
        contract(c1, terms(month.atDay(1).toString(), List.of(service), "99.9", "100.00", "EUR", List.of()));

        incidentAt("SEV1", day(2), 60L, 360L, 1800L, 3600L, false, null);
        incidentAt("SEV2", day(4), 120L, 720L, 3600L, 7200L, false, c2);
        incidentAt("SEV2", day(6), 0L, 100L, 600L, 600L, false, null);
        incidentAt("SEV3", day(8), 300L, null, null, null, true, null);
        incidentAt("SEV3", day(10), null, null, 1200L, null, false, null);
        incidentAt("SEV4", month.plusMonths(1).atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC), 0L, 50L, 900L, 900L,
                false, null);
    }

    @Test
    void servicesGroupHasTheHandComputedMediansAndP90s() {
        ValidatableResponse response = api().queryParam("from", start(month).toString())
                .queryParam("to", start(month.plusMonths(1)).toString()).queryParam("groupBy", "service")
                .get("/api/reports/reliability").then().statusCode(200)
                .body("groupBy", equalTo("SERVICE"));
        // other tests' incidents begun earlier and still ongoing may overlap the window with their own services
        String group = "groups.find { it.key == '" + service + "' }.";
        response.body(group + "incidentCount", equalTo(5))
                .body(group + "mttd.name", equalTo("MTTD"))
                .body(group + "mttd.count", equalTo(4))
                .body(group + "mttd.meanSeconds", number(120))
                .body(group + "mttd.medianSeconds", number(90))
                .body(group + "mttd.p90Seconds", number(246))
                .body(group + "mttd.maxSeconds", number(300))
                .body(group + "mttd.missing", equalTo(1))
                .body(group + "mtta.count", equalTo(3))
                .body(group + "mtta.meanSeconds", number("333.333333"))
                .body(group + "mtta.medianSeconds", number(300))
                .body(group + "mtta.p90Seconds", number(540))
                .body(group + "mtta.missing", equalTo(2))
                .body(group + "mttr.count", equalTo(4))
                .body(group + "mttr.meanSeconds", number(1800))
                .body(group + "mttr.medianSeconds", number(1500))
                .body(group + "mttr.p90Seconds", number(3060))
                .body(group + "mttr.maxSeconds", number(3600))
                .body(group + "mttr.open", equalTo(1))
                .body(group + "mttr.missing", equalTo(0))
                .body(group + "mttResolve.count", equalTo(3))
                .body(group + "mttResolve.meanSeconds", number(3800))
                .body(group + "mttResolve.medianSeconds", number(3600))
                .body(group + "mttResolve.p90Seconds", number(6480))
                .body(group + "mttResolve.open", equalTo(2))
                .body(group + "mtbf.outageCount", equalTo(4))
                .body(group + "mtbf.mtbfSeconds", number(228400));
    }

    @Test
    void groupsBySeverityMonthClientAndNone() {
        String from = start(month).toString();
        String to = start(month.plusMonths(2)).toString();
        // SEV2: TTR 600 and 3600 → mean 2100, median 2100, p90 = 600 + 0.9·3000 = 3300
        api().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "severity")
                .get("/api/reports/reliability").then().statusCode(200)
                .body("groups.key", contains("SEV1", "SEV2", "SEV3", "SEV4"))
                .body("groups.incidentCount", contains(1, 2, 2, 1))
                .body("groups[1].mttr.meanSeconds", number(2100))
                .body("groups[1].mttr.medianSeconds", number(2100))
                .body("groups[1].mttr.p90Seconds", number(3300));
        api().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "month")
                .get("/api/reports/reliability").then().statusCode(200)
                .body("groups.key", contains(month.toString(), month.plusMonths(1).toString()))
                .body("groups.incidentCount", contains(5, 1))
                .body("groups[0].mttr.p90Seconds", number(3060))
                .body("groups[0].mtbf.mtbfSeconds", number(228400))
                .body("groups[1].mttr.medianSeconds", number(900))
                .body("groups[1].mtbf.mtbfSeconds", nullValue());
        // i2 names c2, so it affects c2 alone; the rest name nobody and reach c1 through its contract
        api().queryParam("from", from).queryParam("to", to).queryParam("groupBy", "client")
                .get("/api/reports/reliability").then().statusCode(200)
                .body("groups.find { it.key == '" + c1 + "' }.incidentCount", equalTo(5))
                .body("groups.find { it.key == '" + c2 + "' }.incidentCount", equalTo(1))
                .body("groups.find { it.key == '" + c2 + "' }.mttr.meanSeconds", number(3600));
        api().queryParam("from", from).queryParam("to", to)
                .get("/api/reports/reliability").then().statusCode(200)
                .body("groupBy", equalTo("NONE"))
                .body("incidentCount", equalTo(6))
                .body("groups.key", contains("all"))
                .body("groups[0].mttr.count", equalTo(5))
                .body("groups[0].mttr.medianSeconds", number(1200));
    }

    private Instant day(int dayOfMonth) {
        return month.atDay(dayOfMonth).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private void incidentAt(String severity, Instant started, Long detected, Long acknowledged, Long mitigated,
            Long resolved, boolean excluded, String namedClient) {
        Map<String, Object> body = incident(severity + " at " + started, List.of(service), started.toString(), null);
        body.put("severity", severity);
        put(body, "detectedAt", started, detected);
        put(body, "acknowledgedAt", started, acknowledged);
        put(body, "mitigatedAt", started, mitigated);
        put(body, "resolvedAt", started, resolved);
        if (excluded) {
            body.put("excluded", true);
            body.put("exclusionReason", "load test run by the client");
        }
        if (namedClient != null) {
            body.put("affectedClients", List.of(namedClient));
        }
        record(body);
    }

    private static void put(Map<String, Object> body, String field, Instant started, Long secondsAfter) {
        if (secondsAfter != null) {
            body.put(field, started.plusSeconds(secondsAfter).toString());
        }
    }
}
