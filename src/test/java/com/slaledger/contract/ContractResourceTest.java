package com.slaledger.contract;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.slaledger.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContractResourceTest {

    /** Numbers read as BigDecimal, so 99.9 is compared exactly and 100 must not come back as 100.0. */
    private static final RestAssuredConfig EXACT = RestAssured.config()
            .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @Inject
    ContractService contracts;

    /** A JSON number equal in value to {@code expected}, whether JsonPath read it as an integer or a decimal. */
    private static Matcher<Object> number(Object expected) {
        BigDecimal wanted = new BigDecimal(expected.toString());
        return new CustomTypeSafeMatcher<>("the number " + wanted) {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && new BigDecimal(actual.toString()).compareTo(wanted) == 0;
            }
        };
    }

    private static RequestSpecification api() {
        return given().config(EXACT).contentType(ContentType.JSON);
    }

    private static Map<String, Object> contract(String from, String to, List<String> services) {
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveFrom", from);
        body.put("effectiveTo", to);
        body.put("coveredServices", services);
        body.put("targetPercent", new BigDecimal("99.9"));
        body.put("monthlyFee", Map.of("amount", "12000.00", "currency", "EUR"));
        return body;
    }

    private static Map<String, Object> tier(String below, String credit) {
        return Map.of("belowPercent", new BigDecimal(below), "creditPercent", new BigDecimal(credit));
    }

    private static long create(String client, Map<String, Object> body) {
        return api().body(body).when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void assertNoContracts(String client) {
        api().when().get("/api/clients/" + client + "/contracts").then().statusCode(200).body("$", empty());
    }

    @Test
    void createsReadsAndUpdatesAContractWithEveryField() {
        String client = Fixtures.client("acme", "Europe/Berlin");
        String api = Fixtures.service("api");
        String db = Fixtures.service("db");
        Map<String, Object> body = contract("2024-01-01", null, List.of(db, api));
        body.put("targetPercent", new BigDecimal("99.99"));
        body.put("creditTiers", List.of(tier("99.0", "30"), tier("99.99", "10"), tier("95.0", "100")));
        body.put("creditCapPercent", new BigDecimal("50"));
        body.put("impactModel", "THRESHOLD");
        body.put("impactThresholdPercent", new BigDecimal("25.5"));
        body.put("minimumOutageSeconds", 60);

        io.restassured.response.ValidatableResponse created = api().body(body)
                .when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(201)
                .body("clientKey", equalTo(client))
                .body("clientTimeZone", equalTo("Europe/Berlin"))
                .body("effectiveFrom", equalTo("2024-01-01"))
                .body("effectiveTo", nullValue())
                .body("coveredServices", contains(api, db))
                .body("targetPercent", number("99.99"))
                .body("creditTiers.belowPercent", contains(number("99.99"), number("99"), number("95")))
                .body("creditTiers.creditPercent", contains(number("10"), number("30"), number("100")))
                .body("monthlyFee.amount", equalTo("12000.00"))
                .body("monthlyFee.currency", equalTo("EUR"))
                .body("creditCapPercent", number("50"))
                .body("impactModel", equalTo("THRESHOLD"))
                .body("impactThresholdPercent", number("25.5"))
                .body("minimumOutageSeconds", equalTo(60))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
        long id = created.extract().jsonPath().getLong("id");
        created.header("Location", endsWith("/api/contracts/" + id));
        // exact decimals, written plainly: never 1E+2 or 99.990000
        created.body(containsString("\"creditCapPercent\":50,")).body(containsString("\"targetPercent\":99.99,"));

        api().when().get("/api/contracts/" + id).then().statusCode(200)
                .body("id", number(id))
                .body("coveredServices", contains(api, db))
                .body("creditTiers", hasSize(3));

        Map<String, Object> changed = contract("2024-01-01", "2025-01-01", List.of(api));
        changed.put("creditTiers", List.of(tier("99.5", "15")));
        changed.put("monthlyFee", Map.of("amount", 9000, "currency", "EUR"));
        api().body(changed).when().put("/api/contracts/" + id)
                .then().statusCode(200)
                .body("effectiveTo", equalTo("2025-01-01"))
                .body("coveredServices", contains(api))
                .body("creditTiers.belowPercent", contains(number("99.5")))
                .body("creditTiers.creditPercent", contains(number("15")))
                .body("monthlyFee.amount", equalTo("9000.00"))
                .body("creditCapPercent", number("100"))
                .body("impactModel", equalTo("PROPORTIONAL"))
                .body("impactThresholdPercent", nullValue());
        api().when().get("/api/contracts/" + id).then().body("creditTiers", hasSize(1));
    }

    @Test
    void omittedTermsTakeTheirDefaults() {
        String client = Fixtures.client("defaults", "UTC");
        String api = Fixtures.service("api");
        api().body(contract("2024-01-15", null, List.of(api)))
                .when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(201)
                .body("creditCapPercent", number("100"))
                .body("impactModel", equalTo("PROPORTIONAL"))
                .body("impactThresholdPercent", nullValue())
                .body("minimumOutageSeconds", equalTo(0))
                .body("creditTiers", empty());
    }

    @Test
    void feeAmountsAreWrittenInTheCurrencysMinorUnit() {
        String yen = Fixtures.client("yen", "Asia/Tokyo");
        String dinar = Fixtures.client("dinar", "Asia/Bahrain");
        String api = Fixtures.service("api");
        Map<String, Object> inYen = contract("2024-01-01", null, List.of(api));
        inYen.put("monthlyFee", Map.of("amount", "1200000", "currency", "JPY"));
        api().body(inYen).when().post("/api/clients/" + yen + "/contracts")
                .then().statusCode(201).body("monthlyFee.amount", equalTo("1200000"));
        Map<String, Object> inDinar = contract("2024-01-01", null, List.of(api));
        inDinar.put("monthlyFee", Map.of("amount", "5.25", "currency", "BHD"));
        api().body(inDinar).when().post("/api/clients/" + dinar + "/contracts")
                .then().statusCode(201).body("monthlyFee.amount", equalTo("5.250"));
    }

    @Test
    void rejectsEveryOutOfRangeFieldAtOnceAndStoresNothing() {
        String client = Fixtures.client("ranges", "UTC");
        Map<String, Object> body = contract(null, null, List.of());
        body.put("targetPercent", new BigDecimal("100.5"));
        body.put("creditTiers", List.of(tier("0", "101")));
        body.put("creditCapPercent", new BigDecimal("150"));
        body.put("minimumOutageSeconds", -1);
        body.put("monthlyFee", Map.of("amount", "-1.00", "currency", "EUR"));

        api().body(body).when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("violations.field", containsInAnyOrder("effectiveFrom", "coveredServices", "targetPercent",
                        "creditTiers[0].belowPercent", "creditTiers[0].creditPercent", "creditCapPercent",
                        "minimumOutageSeconds", "monthlyFee.amount"));
        assertNoContracts(client);
    }

    @Test
    void requiresTargetFeeAndCoveredServices() {
        String client = Fixtures.client("required", "UTC");
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveFrom", "2024-01-01");
        body.put("monthlyFee", Map.of("amount", "10.00"));
        api().body(body).when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("coveredServices", "targetPercent",
                        "monthlyFee.currency"));
        body.remove("monthlyFee");
        api().body(body).when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("coveredServices", "targetPercent", "monthlyFee"));
        assertNoContracts(client);
    }

    @Test
    void refusesTiersAboveTheTargetAndTiersThatRepeatABound() {
        String client = Fixtures.client("tiers", "UTC");
        String api = Fixtures.service("api");
        Map<String, Object> body = contract("2024-01-01", null, List.of(api));
        body.put("creditTiers", List.of(tier("99.95", "10"), tier("99.0", "25"), tier("99.000", "30")));
        api().body(body).when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(400)
                .body("violations.field", contains("creditTiers[0].belowPercent", "creditTiers[2].belowPercent"))
                .body("violations.message", contains(containsString("above targetPercent (99.9)"),
                        containsString("same belowPercent")));
        assertNoContracts(client);
    }

    @Test
    void refusesUnknownCurrenciesAndAmountsFinerThanTheMinorUnit() {
        String client = Fixtures.client("money", "UTC");
        String api = Fixtures.service("api");
        for (Map<String, Object> fee : List.<Map<String, Object>>of(
                Map.of("amount", "10.00", "currency", "EUX"),
                Map.of("amount", "10.00", "currency", "eur"),
                Map.of("amount", "10.00", "currency", "XXX"))) {
            Map<String, Object> body = contract("2024-01-01", null, List.of(api));
            body.put("monthlyFee", fee);
            api().body(body).when().post("/api/clients/" + client + "/contracts")
                    .then().statusCode(400).body("violations.field", contains("monthlyFee.currency"));
        }
        for (Map<String, Object> fee : List.<Map<String, Object>>of(
                Map.of("amount", "1000.5", "currency", "JPY"),
                Map.of("amount", "10.123", "currency", "EUR"),
                Map.of("amount", "10.1255", "currency", "BHD"))) {
            Map<String, Object> body = contract("2024-01-01", null, List.of(api));
            body.put("monthlyFee", fee);
            api().body(body).when().post("/api/clients/" + client + "/contracts")
                    .then().statusCode(400).body("violations.field", contains("monthlyFee.amount"));
        }
        assertNoContracts(client);
    }

    @Test
    void aThresholdGoesWithTheThresholdModelOnly() {
        String client = Fixtures.client("threshold", "UTC");
        String api = Fixtures.service("api");
        Map<String, Object> missing = contract("2024-01-01", null, List.of(api));
        missing.put("impactModel", "THRESHOLD");
        Map<String, Object> outOfRange = new HashMap<>(missing);
        outOfRange.put("impactThresholdPercent", 0);
        Map<String, Object> unwanted = contract("2024-01-01", null, List.of(api));
        unwanted.put("impactModel", "FULL");
        unwanted.put("impactThresholdPercent", 50);
        for (Map<String, Object> body : List.of(missing, outOfRange, unwanted)) {
            api().body(body).when().post("/api/clients/" + client + "/contracts")
                    .then().statusCode(400).body("violations.field", contains("impactThresholdPercent"));
        }
        assertNoContracts(client);
    }

    @Test
    void reportsUnknownAndRepeatedServicesByIndex() {
        String client = Fixtures.client("services", "UTC");
        String api = Fixtures.service("api");
        api().body(contract("2024-01-01", null, List.of(api, "no-such-service", api, "")))
                .when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("coveredServices[1]", "coveredServices[2]",
                        "coveredServices[3]"))
                .body("violations.find { it.field == 'coveredServices[1]' }.message",
                        equalTo("no service 'no-such-service'"))
                .body("violations.find { it.field == 'coveredServices[2]' }.message",
                        equalTo("'" + api + "' is listed twice"));
        assertNoContracts(client);
    }

    @Test
    void anEndMustFollowTheStartAndFallOnTheFirstOfAMonth() {
        String client = Fixtures.client("dates", "UTC");
        String api = Fixtures.service("api");
        api().body(contract("2024-03-01", "2024-02-01", List.of(api)))
                .when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(400).body("violations.field", contains("effectiveTo"));
        api().body(contract("2024-03-01", "2024-03-01", List.of(api)))
                .when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(400).body("violations.field", contains("effectiveTo"));
        api().body(contract("2024-01-10", "2024-06-15", List.of(api)))
                .when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(400).body("violations.field", contains("effectiveTo"))
                .body("violations[0].message", containsString("first day of a month"));
        assertNoContracts(client);
    }

    @Test
    void onlyTheEarliestVersionMayStartMidMonth() {
        String client = Fixtures.client("versions", "UTC");
        String api = Fixtures.service("api");
        long first = create(client, contract("2024-01-15", "2024-03-01", List.of(api)));

        api().body(contract("2024-04-10", null, List.of(api)))
                .when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(400)
                .body("violations.field", contains("effectiveFrom"))
                .body("violations[0].message", containsString("contract " + first));
        // an earlier version would turn the mid-month start of the first into a later boundary
        api().body(contract("2023-06-01", "2024-01-01", List.of(api)))
                .when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(400)
                .body("violations.field", contains("effectiveFrom"))
                .body("violations[0].message", containsString("contract " + first));
        api().when().get("/api/clients/" + client + "/contracts").then().body("id", contains(number(first)));

        long second = create(client, contract("2024-04-01", null, List.of(api)));
        api().when().get("/api/clients/" + client + "/contracts").then()
                .body("effectiveFrom", contains("2024-01-15", "2024-04-01"))
                .body("id", contains(number(first), number(second)));
    }

    @Test
    void refusesOverlappingVersionsNamingTheClashingContract() {
        String client = Fixtures.client("overlap", "UTC");
        String api = Fixtures.service("api");
        long open = create(client, contract("2024-01-01", null, List.of(api)));

        api().body(contract("2024-06-01", "2024-09-01", List.of(api)))
                .when().post("/api/clients/" + client + "/contracts")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Conflict"))
                .body("detail", containsString("contract " + open + " (2024-01-01 to open end)"))
                .body("violations[0].field", equalTo("effectiveFrom"));
        api().when().get("/api/clients/" + client + "/contracts").then().body("$", hasSize(1));

        // ending the open version makes room for the next one
        api().body(contract("2024-01-01", "2024-06-01", List.of(api))).when().put("/api/contracts/" + open)
                .then().statusCode(200);
        create(client, contract("2024-06-01", null, List.of(api)));
        Map<String, Object> stretchBack = contract("2024-01-01", "2024-07-01", List.of(api));
        api().body(stretchBack).when().put("/api/contracts/" + open)
                .then().statusCode(409);
        api().when().get("/api/contracts/" + open).then().body("effectiveTo", equalTo("2024-06-01"));
    }

    @Test
    void concurrentOverlappingVersionsAreRefusedAllButOne() throws Exception {
        String client = Fixtures.client("race", "UTC");
        String api = Fixtures.service("api");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(() -> api().body(contract("2025-01-01", null, List.of(api)))
                    .when().post("/api/clients/" + client + "/contracts").then().extract().statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses, containsInAnyOrder(201, 409, 409, 409));
        api().when().get("/api/clients/" + client + "/contracts").then().body("$", hasSize(1));
    }

    @Test
    void aContractThatTookEffectCannotBeDeletedButAFutureOneCan() {
        String client = Fixtures.client("delete", "Pacific/Kiritimati");
        String api = Fixtures.service("api");
        LocalDate nextMonth = LocalDate.now().plusMonths(2).withDayOfMonth(1);
        long active = create(client, contract("2024-01-01", nextMonth.toString(), List.of(api)));
        long future = create(client, contract(nextMonth.toString(), null, List.of(api)));

        api().when().delete("/api/contracts/" + active)
                .then().statusCode(409)
                .body("detail", containsString("end it by setting effectiveTo"));
        api().when().get("/api/contracts/" + active).then().statusCode(200);

        api().when().delete("/api/contracts/" + future).then().statusCode(204);
        api().when().get("/api/contracts/" + future).then().statusCode(404);
        api().when().get("/api/clients/" + client + "/contracts").then()
                .body("id", contains(number(active)));
    }

    @Test
    void findsTheVersionInForceOnADay() {
        String client = Fixtures.client("in-force", "UTC");
        String api = Fixtures.service("api");
        long first = create(client, contract("2024-01-15", "2024-03-01", List.of(api)));
        long second = create(client, contract("2024-03-01", null, List.of(api)));

        String path = "/api/clients/" + client + "/contracts/in-force";
        api().queryParam("date", "2024-02-29").when().get(path).then().statusCode(200)
                .body("id", number(first));
        api().queryParam("date", "2024-03-01").when().get(path).then().statusCode(200)
                .body("id", number(second));
        api().when().get(path).then().statusCode(200).body("id", number(second));
        api().queryParam("date", "2024-01-14").when().get(path).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No contract of client '" + client + "' is in force on 2024-01-14"));
        api().queryParam("date", "14.01.2024").when().get(path).then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
    }

    @Test
    void anUnknownClientIs404() {
        String nobody = "nobody-" + System.nanoTime();
        api().when().get("/api/clients/" + nobody + "/contracts").then().statusCode(404)
                .body("detail", equalTo("No client '" + nobody + "'"));
        api().body(contract("2024-01-01", null, List.of("api"))).when().post("/api/clients/" + nobody + "/contracts")
                .then().statusCode(404);
        api().when().get("/api/clients/" + nobody + "/contracts/in-force").then().statusCode(404);
        api().when().get("/api/contracts/999999999").then().statusCode(404);
    }

    @Test
    void inForceDuringGivesEveryClientsOverlappingVersionsWithTheirTerms() {
        String berlin = Fixtures.client("report-a", "Europe/Berlin");
        String tokyo = Fixtures.client("report-b", "Asia/Tokyo");
        String api = Fixtures.service("api");
        String db = Fixtures.service("db");
        long endsInFebruary = create(berlin, contract("2023-11-20", "2024-03-01", List.of(api)));
        create(berlin, contract("2024-03-01", null, List.of(api, db)));
        Map<String, Object> withTiers = contract("2024-02-01", "2024-03-01", List.of(db));
        withTiers.put("creditTiers", List.of(tier("99.9", "10"), tier("99", "25")));
        long tokyoFebruary = create(tokyo, withTiers);
        create(tokyo, contract("2024-03-01", null, List.of(db)));

        List<ContractResponse> february = contracts.inForceDuring(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1))
                .stream().filter(c -> c.clientKey().equals(berlin) || c.clientKey().equals(tokyo)).toList();

        assertThat(february.stream().map(ContractResponse::id).toList(), contains(endsInFebruary, tokyoFebruary));
        ContractResponse b = february.get(1);
        assertThat(b.clientTimeZone(), equalTo("Asia/Tokyo"));
        assertThat(b.coveredServices(), contains(db));
        assertThat(b.creditTiers(), contains(new ContractResponse.Tier(new BigDecimal("99.9"), new BigDecimal("10")),
                new ContractResponse.Tier(new BigDecimal("99"), new BigDecimal("25"))));
        assertThat(b.monthlyFee(), equalTo(new Money(new BigDecimal("12000.00"), "EUR")));
        assertThat(b.covers(db) && !b.covers(api), equalTo(true));

        List<ContractResponse> firstQuarter = contracts.inForceDuring(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 4, 1)).stream().filter(c -> c.clientKey().equals(berlin)).toList();
        assertThat(firstQuarter, hasSize(2));
        assertThat(firstQuarter.get(1).coveredServices(), contains(api, db));
        assertThat(contracts.inForce(berlin, LocalDate.of(2024, 2, 29)).map(ContractResponse::id).orElseThrow(),
                equalTo(endsInFebruary));
    }
}
