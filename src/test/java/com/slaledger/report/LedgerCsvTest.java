package com.slaledger.report;

import static com.slaledger.report.ReportFixtures.contract;
import static com.slaledger.report.ReportFixtures.incident;
import static com.slaledger.report.ReportFixtures.record;
import static com.slaledger.report.ReportFixtures.terms;
import static com.slaledger.report.ReportFixtures.tier;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger CSV, byte for byte. May 2011 belongs to this test alone (no other test has a contract then).
 * <pre>
 * "Müller, Schmidt &amp; Co"  Europe/Zurich, contract from 15 May 2011: 15–31 May, 17 days = 1,468,800 s;
 *                         outage 20 May 10:00–11:00 UTC at 100 %: D = 3,600 s;
 *                         100 · (1 − 3,600 / 1,468,800) = 99.754901960… % → 99.754; target 99.9;
 *                         tiers below 99.9 → 25 %, below 99.5 → 50 %: 25 % of CHF 1,000.00 = CHF 250.00
 * Sakura "Blossom" KK     Asia/Tokyo, contract from 1 January 2011, target 99.5, JPY 500,000, no incident:
 *                         100.000, met, JPY 0
 * </pre>
 */
@QuarkusTest
class LedgerCsvTest {

    private static String zurich;
    private static String tokyo;

    /** Once for the class (the month is shared by its tests), on the first test's call: the server is up by then. */
    @BeforeEach
    synchronized void twoClientsInMay2011() {
        if (zurich != null) {
            return;
        }
        zurich = client("ledger-a", "Müller, Schmidt & Co", "Europe/Zurich");
        tokyo = client("ledger-b", "Sakura \"Blossom\" KK", "Asia/Tokyo");
        String zurichService = Fixtures.service("ledger");
        String tokyoService = Fixtures.service("ledger");
        contract(zurich, terms("2011-05-15", List.of(zurichService), "99.9", "1000.00", "CHF",
                List.of(tier("99.9", "25"), tier("99.5", "50"))));
        contract(tokyo, terms("2011-01-01", List.of(tokyoService), "99.5", "500000", "JPY",
                List.of(tier("99.5", "10"))));
        record(incident("Zurich outage", List.of(zurichService), "2011-05-20T10:00:00Z", "2011-05-20T11:00:00Z"));
    }

    private static String client(String prefix, String name, String zone) {
        String key = TestData.uniqueKey(prefix);
        given().contentType(ContentType.JSON).body(Map.of("key", key, "name", name, "timeZone", zone))
                .post("/api/clients").then().statusCode(201);
        return key;
    }

    @Test
    void clientLinesWithHeadersInWordsAndTheMonthInEachClientsZone() {
        Response response = given().queryParam("month", "2011-05").get("/api/reports/sla/ledger")
                .then().statusCode(200).extract().response();
        assertEquals("attachment; filename=\"sla-credits-2011-05.csv\"", response.header("Content-Disposition"));
        assertTrue(response.contentType().startsWith("text/csv"), response.contentType());
        String expected = "Client,Client key,Month,Time zone,First day,Last day,Availability %,Target %,"
                + "SLA breached,Credit tier %,Credit % after cap,Credit,Currency,Monthly fee,Incidents,Provisional\r\n"
                + "\"Müller, Schmidt & Co\"," + zurich + ",2011-05,Europe/Zurich,2011-05-15,2011-05-31,99.754,99.9,"
                + "yes,25,25,250.00,CHF,1000.00,1,no\r\n"
                + "\"Sakura \"\"Blossom\"\" KK\"," + tokyo + ",2011-05,Asia/Tokyo,2011-05-01,2011-05-31,100.000,99.5,"
                + "no,0,0,0,JPY,500000,0,no\r\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), response.asByteArray(),
                () -> "got:\n" + response.asString());
    }

    @Test
    void semicolonsDecimalCommasAndAByteOrderMarkForCommaDecimalSpreadsheets() {
        byte[] body = given().queryParam("month", "2011-05").queryParam("separator", "semicolon")
                .get("/credits/ledger").then().statusCode(200).extract().asByteArray();
        String expected = "\uFEFFClient;Client key;Month;Time zone;First day;Last day;Availability %;Target %;"
                + "SLA breached;Credit tier %;Credit % after cap;Credit;Currency;Monthly fee;Incidents;Provisional\r\n"
                + "Müller, Schmidt & Co;" + zurich + ";2011-05;Europe/Zurich;2011-05-15;2011-05-31;99,754;99,9;"
                + "yes;25;25;250,00;CHF;1000,00;1;no\r\n"
                + "\"Sakura \"\"Blossom\"\" KK\";" + tokyo + ";2011-05;Asia/Tokyo;2011-05-01;2011-05-31;100,000;99,5;"
                + "no;0;0;0;JPY;500000;0;no\r\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), body,
                () -> "got:\n" + new String(body, StandardCharsets.UTF_8));
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(body[0], body[1], body[2]));
    }

    @Test
    void totalsPerCurrencyAreTheirOwnFile() {
        Response response = given().queryParam("month", "2011-05").queryParam("part", "totals")
                .get("/credits/ledger").then().statusCode(200).extract().response();
        assertEquals("attachment; filename=\"sla-credit-totals-2011-05.csv\"", response.header("Content-Disposition"));
        String expected = "Month,Currency,Credit,Clients,Clients in breach,Provisional\r\n"
                + "2011-05,CHF,250.00,1,1,no\r\n"
                + "2011-05,JPY,0,1,0,no\r\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), response.asByteArray(),
                () -> "got:\n" + response.asString());
        byte[] semicolon = given().queryParam("month", "2011-05").queryParam("part", "totals")
                .queryParam("separator", "semicolon").get("/api/reports/sla/ledger").then().statusCode(200)
                .extract().asByteArray();
        assertEquals("\uFEFFMonth;Currency;Credit;Clients;Clients in breach;Provisional\r\n"
                + "2011-05;CHF;250,00;1;1;no\r\n2011-05;JPY;0;1;0;no\r\n", new String(semicolon, StandardCharsets.UTF_8));
    }

    @Test
    void theMachineCsvIsUnchangedAndBadOptionsAreRefused() {
        String machine = given().queryParam("month", "2011-05").queryParam("format", "csv").get("/api/reports/sla")
                .then().statusCode(200).extract().asString();
        assertTrue(machine.startsWith("clientKey,clientName,timeZone,contractId,windowFrom,windowTo,provisional,"),
                machine);
        given().queryParam("month", "2011-05").queryParam("separator", "tab").get("/api/reports/sla/ledger")
                .then().statusCode(400);
        given().accept("text/html").queryParam("month", "2011-05").queryParam("part", "everything")
                .get("/credits/ledger").then().statusCode(400);
        String page = given().accept("text/html").queryParam("month", "2011-05").get("/credits")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("href=\"/credits/ledger?month=2011-05&amp;part=totals&amp;separator=semicolon\""),
                page);
    }
}
