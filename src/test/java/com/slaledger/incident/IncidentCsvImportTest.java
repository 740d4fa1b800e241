package com.slaledger.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.HeldImports;
import com.slaledger.testing.RawHttp;
import com.slaledger.testing.SignInAsTestAdmin;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV import and export through the API, on the real database: what goes in, what is refused, what comes out. */
@QuarkusTest
class IncidentCsvImportTest {

    private static final String HEADER = "source,externalId,title,severity,affectedServices,impactPercent,startedAt,"
            + "mitigatedAt,resolvedAt";

    static ValidatableResponse post(byte[] csv, boolean dryRun) {
        return given().config(io.restassured.RestAssured.config().httpClient(io.restassured.config.HttpClientConfig
                .httpClientConfig().setParam("http.socket.timeout", 600_000))).contentType("text/csv").body(csv).queryParam("dryRun", dryRun)
                .post("/api/incidents/import").then();
    }

    static ValidatableResponse post(String csv) {
        return post(csv.getBytes(StandardCharsets.UTF_8), false);
    }

    private static long countOf(String service) {
        return given().queryParam("service", service).get("/api/incidents").then().statusCode(200)
                .extract().jsonPath().getLong("totalItems");
    }

    /** {@code rows} resolved incidents of one service, the i-th starting i hours after 2023-06-01T00:00Z. */
    private static String rows(String source, String service, int rows, int badLine) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            int line = i + 2;
            String start = java.time.Instant.parse("2023-06-01T00:00:00Z").plusSeconds(3600L * i).toString();
            String end = java.time.Instant.parse(start).plusSeconds(600).toString();
            csv.append(source).append(",row-").append(i).append(",Row ").append(i).append(",SEV3,").append(service)
                    .append(',').append(line == badLine ? "forty" : "40").append(',').append(start).append(',')
                    .append(end).append(',').append(end).append('\n');
        }
        return csv.toString();
    }

    @Test
    void aSemicolonFileWithBomQuotedNewlinesAndDecimalCommasGoesIn() {
        String a = Fixtures.service("csv-a");
        String b = Fixtures.service("csv-b");
        String client = Fixtures.client("csv-c");
        String source = TestData.uniqueKey("sheet");
        String csv = "\uFEFFsource;externalId;title;severity;affectedServices;affectedClients;impactPercent;summary;"
                + "preventiveActions;timeline;startedAt;resolvedAt\r\n"
                + source + ";INC-1;Checkout down;sev1;\"" + b + ";" + a + "\";" + client + ";12,5;"
                + "\"First line\nsecond line; with \"\"quotes\"\"\";\"Add a canary; then roll out|Page the DBA\";"
                + "2024-02-01T10:05:00Z Paged|2024-02-01T10:30:00+01:00 Rolled back \\| verified;"
                + "2024-02-01T10:00:00+01:00;2024-02-01T11:00:00Z\r\n"
                + "\r\n"
                + source + ";INC-2;Search slow;SEV3;" + a + ";;;;;;2024-02-02T08:00:00Z;\r\n";
        post(csv).statusCode(200).body("valid", equalTo(true)).body("rows", equalTo(2))
                .body("created", equalTo(2)).body("updated", equalTo(0)).body("unchanged", equalTo(0));

        given().get("/api/incidents/by-key/" + source + "/INC-1").then().statusCode(200)
                .body("severity", equalTo("SEV1"))
                .body("affectedServices", contains(a, b))
                .body("affectedClients", contains(client))
                .body("impactPercent", equalTo(12.5f))
                .body("summary", equalTo("First line\nsecond line; with \"quotes\""))
                .body("preventiveActions", contains("Add a canary; then roll out", "Page the DBA"))
                .body("timeline.at", contains("2024-02-01T10:05:00Z", "2024-02-01T09:30:00Z"))
                .body("timeline.text", contains("Paged", "Rolled back | verified"))
                .body("startedAt", equalTo("2024-02-01T09:00:00Z"))
                .body("resolvedAt", equalTo("2024-02-01T11:00:00Z"));
        given().get("/api/incidents/by-key/" + source + "/INC-2").then().statusCode(200)
                .body("impactPercent", equalTo(100)).body("excluded", equalTo(false))
                .body("status", equalTo("OPEN")).body("timeline", hasSize(0));
    }

    @Test
    void anErrorOnLine9873Of10000RefusesTheWholeFileAndNamesTheLine() {
        String service = Fixtures.service("csv-big");
        String source = TestData.uniqueKey("big");
        byte[] csv = rows(source, service, 10_000, 9_873).getBytes(StandardCharsets.UTF_8);

        post(csv, false).statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid CSV"))
                .body("detail", equalTo("1 error in the file; nothing was imported"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("line 9873, column impactPercent"))
                .body("violations[0].message", equalTo("must be a number such as 40 or 12.5, got 'forty'"));
        assertEquals(0, countOf(service), "nothing of the 9,999 good rows stays");

        // the preview names the same error, counts the rest and writes nothing either
        post(csv, true).statusCode(200).body("dryRun", equalTo(true)).body("valid", equalTo(false))
                .body("rows", equalTo(10_000)).body("created", equalTo(9_999)).body("errorCount", equalTo(1))
                .body("errors[0].field", equalTo("line 9873, column impactPercent"))
                .body("preview", hasSize(20))
                .body("preview[0].line", equalTo(2)).body("preview[0].outcome", equalTo("CREATED"))
                .body("preview[0].incident.externalId", equalTo("row-0"))
                .body("preview[0].incident.impactPercent", equalTo(40));
        assertEquals(0, countOf(service));
    }

    @Test
    void errorsAreListedInFileOrderChunkByChunkAndCountedPastTheListedThousand() {
        String service = Fixtures.service("csv-order");
        String missing = TestData.uniqueKey("gone");
        String source = TestData.uniqueKey("order");
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 3_000; i++) {
            // every third row cannot be read (line i + 2); the others name a service that does not exist
            text.append(source).append(",row-").append(i).append(",Row ").append(i).append(",SEV3,")
                    .append(i % 3 == 0 ? service : missing).append(',').append(i % 3 == 0 ? "forty" : "40")
                    .append(",2023-06-01T00:00:00Z,2023-06-01T00:10:00Z,2023-06-01T00:10:00Z\n");
        }
        byte[] csv = text.toString().getBytes(StandardCharsets.UTF_8);
        // the refusal: every error counted; the problem lists the first 100, in file order whatever found them
        // (a cell that cannot be read is found while reading, an unknown service when the chunk is checked)
        post(csv, false).statusCode(400)
                .body("detail", equalTo("3000 errors in the file; nothing was imported (the first 100 are listed;"
                        + " a preview, ?dryRun=true, lists up to 1000)"))
                .body("violations", hasSize(100))
                .body("violations[0].field", equalTo("line 2, column impactPercent"))
                .body("violations[0].message", equalTo("must be a number such as 40 or 12.5, got 'forty'"))
                .body("violations[1].field", equalTo("line 3, column affectedServices"))
                .body("violations[1].message", equalTo("no service '" + missing + "'"))
                .body("violations[99].field", equalTo("line 101, column impactPercent"));
        assertEquals(0, countOf(service));

        // the preview lists the first 1,000, one per line here: lines 2 to 1001, the file's first chunk
        post(csv, true).statusCode(200).body("valid", equalTo(false)).body("rows", equalTo(3_000))
                .body("errorCount", equalTo(3_000)).body("errors", hasSize(1000))
                .body("errors[0].field", equalTo("line 2, column impactPercent"))
                .body("errors[1].field", equalTo("line 3, column affectedServices"))
                .body("errors[2].field", equalTo("line 4, column affectedServices"))
                .body("errors[3].field", equalTo("line 5, column impactPercent"))
                .body("errors[998].field", equalTo("line 1000, column affectedServices"))
                .body("errors[999].field", equalTo("line 1001, column impactPercent"));
        assertEquals(0, countOf(service));
    }

    @Test
    void errorsOfEveryKindAreListedByLineAcrossChunks() {
        String service = Fixtures.service("csv-kinds");
        String source = TestData.uniqueKey("kinds");
        String longTitle = "T".repeat(301);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 2_500; i++) {
            int line = i + 2;
            String title = line == 2 || line == 1_003 ? longTitle : "Row " + i; // a rule: found when checked
            String impact = line == 3 || line == 1_002 ? "forty" : "40";         // a cell: found when read
            String externalId = line == 5 ? "row-2" : "row-" + i;                  // repeats line 4's key
            String svc = line == 4 || line == 2_501 ? "no-such-service-" + source : service;
            text.append(source).append(',').append(externalId).append(',').append(title).append(",SEV3,").append(svc)
                    .append(',').append(impact).append(",2023-06-01T00:00:00Z,2023-06-01T00:10:00Z,2023-06-01T00:10:00Z\n");
        }
        List<String> expected = List.of("line 2, column title", "line 3, column impactPercent",
                "line 4, column affectedServices", "line 5, column externalId", "line 1002, column impactPercent",
                "line 1003, column title", "line 2501, column affectedServices");
        byte[] csv = text.toString().getBytes(StandardCharsets.UTF_8);
        post(csv, true).statusCode(200).body("valid", equalTo(false)).body("errors.field", equalTo(expected))
                .body("errors[3].message", equalTo("repeats the source and externalId of line 4"));
        post(csv, false).statusCode(400).body("violations.field", equalTo(expected));
        assertEquals(0, countOf(service));
    }

    @Test
    void linesAreCountedInTheFileIncludingQuotedLineBreaksAndBlankLines() {
        String service = Fixtures.service("csv-lines");
        String csv = "source,externalId,title,severity,affectedServices,summary,startedAt\n"
                + "lines,l1,One,SEV2," + service + ",\"a\nb\nc\",2024-01-01T00:00:00Z\n"   // lines 2-4
                + "\n"                                                                      // line 5
                + "lines,l2,Two,SEV9," + service + ",,2024-01-01T00:00:00Z\n"             // line 6
                + "lines,l3,Three,SEV2,no-such-service,,yesterday\n"                      // line 7
                + "lines,l1,Again,SEV2," + service + ",,2024-01-01T00:00:00Z\n"           // line 8
                + "lines,l4,Four,SEV2," + service + ",,2024-01-02T00:00:00Z,extra\n"      // line 9
                + "lines,l5,Five,SEV2,no-such-service,,2024-01-02T00:00:00Z\n";           // line 10
        post(csv).statusCode(400)
                .body("detail", equalTo("5 errors in the file; nothing was imported"))
                .body("violations.field", contains("line 6, column severity", "line 7, column startedAt",
                        "line 8, column externalId", "line 9", "line 10, column affectedServices"))
                .body("violations[2].message", equalTo("repeats the source and externalId of line 2"))
                .body("violations[3].message", equalTo("has 8 fields where the header names 7"))
                .body("violations[4].message", equalTo("no service 'no-such-service'"));
        assertEquals(0, countOf(service));
    }

    @Test
    void instantsOutsideTheYears1900To9999AreRefusedByLineAndColumn() {
        String service = Fixtures.service("csv-range");
        String csv = "source,externalId,title,severity,affectedServices,startedAt,resolvedAt\n"
                + "range,r1,Old,SEV2," + service + ",1800-01-01T00:00:00Z,\n"
                + "range,r2,Far,SEV2," + service + ",2024-01-01T00:00:00Z,+99999-01-01T00:00:00Z\n";
        post(csv).statusCode(400)
                .body("violations.field", contains("line 2, column startedAt", "line 3, column resolvedAt"))
                .body("violations[0].message", containsString("from year 1900 to 9999"));
        assertEquals(0, countOf(service), "nothing is written");
    }

    @Test
    void anImportRetriedChangesNothingAndAChangedRowIsOneUpdate() {
        String service = Fixtures.service("csv-retry");
        String source = TestData.uniqueKey("retry");
        String csv = rows(source, service, 3, -1);
        post(csv).statusCode(200).body("created", equalTo(3));
        Map<String, Object> first = given().get("/api/incidents/by-key/" + source + "/row-0").then()
                .extract().jsonPath().getMap("$");
        post(csv).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(3));
        given().get("/api/incidents/by-key/" + source + "/row-0").then()
                .body("updatedAt", equalTo(first.get("updatedAt")));
        int audits = given().queryParam("entity", "incident").queryParam("id", first.get("id")).get("/api/audit")
                .then().extract().jsonPath().getList("$").size();
        assertEquals(1, audits);
        post(csv.replace(",Row 1,", ",Row one,")).statusCode(200).body("updated", equalTo(1))
                .body("unchanged", equalTo(2));
        given().get("/api/incidents/by-key/" + source + "/row-1").then().body("title", equalTo("Row one"));
    }

    @Test
    void exportThenImportRoundTrips() {
        String a = Fixtures.service("csv-rt");
        String b = Fixtures.service("csv-rt");
        String client = Fixtures.client("csv-rt");
        String source = TestData.uniqueKey("rt");
        Map<String, Object> full = new HashMap<>();
        full.put("source", source);
        full.put("externalId", "full, with \"quotes\"");
        full.put("title", "Payments; refunds | ledger");
        full.put("severity", "SEV1");
        full.put("affectedServices", List.of(b, a));
        full.put("affectedClients", List.of(client));
        full.put("impactPercent", "12.345678");
        full.put("excluded", true);
        full.put("exclusionReason", "Client's own change");
        full.put("summary", "Line one\r\nLine two, \"quoted\"\\ back");
        full.put("rootCause", "Pool | exhausted");
        full.put("preventiveActions", List.of("Alert on pool; size", "Pipe | in text", "Back\\slash"));
        full.put("timeline", List.of(Map.of("at", "2024-03-01T10:01:00.123456Z", "text", "Paged | again"),
                Map.of("at", "2024-03-01T10:20:00Z", "text", "Fixed\nfor now")));
        full.put("startedAt", "2024-03-01T10:00:00Z");
        full.put("detectedAt", "2024-03-01T10:01:00Z");
        full.put("acknowledgedAt", "2024-03-01T10:02:00Z");
        full.put("mitigatedAt", "2024-03-01T10:30:00Z");
        full.put("resolvedAt", "2024-03-01T11:00:00Z");
        Map<String, Object> bare = new HashMap<>();
        bare.put("source", source);
        bare.put("externalId", "bare");
        bare.put("title", "Open one");
        bare.put("severity", "SEV4");
        bare.put("affectedServices", List.of(a));
        bare.put("startedAt", "2024-03-02T00:00:00Z");
        given().contentType(ContentType.JSON).body(Map.of("incidents", List.of(full, bare)))
                .post("/api/incidents/batch").then().statusCode(200).body("created", equalTo(2));
        Map<String, Object> before = given().get("/api/incidents/by-key/{source}/{externalId}", source, "full, with \"quotes\"")
                .then().statusCode(200).extract().jsonPath().getMap("$");

        byte[] exported = given().queryParam("service", a).get("/api/incidents/export").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        String text = new String(exported, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join(",", IncidentCsv.COLUMNS) + "\r\n"), text);
        assertEquals(2, text.lines().filter(l -> l.startsWith(source + ",")).count(), text);

        // the same content: every row is recognised as unchanged
        post(exported, false).statusCode(200).body("rows", equalTo(2)).body("unchanged", equalTo(2));
        // and from nothing: deleted, imported again, the same incidents and the same export
        for (String key : List.of("full, with \"quotes\"", "bare")) {
            int id = given().get("/api/incidents/by-key/{source}/{externalId}", source, key).then().extract().path("id");
            given().delete("/api/incidents/" + id).then().statusCode(204);
        }
        post(exported, false).statusCode(200).body("created", equalTo(2));
        Map<String, Object> after = given().get("/api/incidents/by-key/{source}/{externalId}", source, "full, with \"quotes\"")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        for (String field : IncidentCsv.COLUMNS) {
            assertEquals(before.get(field), after.get(field), field);
        }
        byte[] again = given().queryParam("service", a).get("/api/incidents/export").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(text, new String(again, StandardCharsets.UTF_8));
    }

    @Test
    void badFilesAreRefusedWithProblemsNeverServerErrors() {
        String service = Fixtures.service("csv-bad");
        // not CSV at all: the bytes of a PNG
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe};
        post(png, false).statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The file is not UTF-8 text (after row 0)"));
        // JSON sent as CSV: its first line is no header
        post("{\"incidents\": []}").statusCode(400).body("violations[0].field", equalTo("line 1, column 1"));
        // a header without startedAt, with an unknown and a repeated column
        post("source,externalId,title,severity,affectedServices,colour,title\n").statusCode(400)
                .body("violations.field", contains("line 1, column 6", "line 1, column 7", "line 1"))
                .body("violations[2].message", equalTo("has no startedAt column"));
        post("").statusCode(400).body("detail", containsString("empty"));
        // NUL characters and wrong types, each named by line and column
        post("source,externalId,title,severity,affectedServices,impactPercent,excluded,startedAt\n"
                + "bad,n1,Nul\u0000title,SEV1," + service + ",,,2024-01-01T00:00:00Z\n"
                + "bad,n2,Types,SEV1," + service + ",150,maybe,2024-01-01 10:00\n")
                .statusCode(400)
                .body("violations.field", contains("line 2, column title", "line 3, column excluded",
                        "line 3, column startedAt"))
                .body("violations[0].message", equalTo("must not contain NUL characters"));
        // an unterminated quote
        post(HEADER + "\nbad,q1,\"Never closed,SEV1," + service + ",,2024-01-01T00:00:00Z,,\n").statusCode(400)
                .body("title", equalTo("Invalid CSV")).body("detail", equalTo("The file is not well-formed CSV after row 0"
                        + " (a quoted field never closed, or text right after a closing quote)"));
        // a value over its bound is refused by the same rules as the API
        post(HEADER + "\nbad,d1,Digits,SEV1," + service + ",33.3333333,2024-01-01T00:00:00Z,,\n").statusCode(400)
                .body("violations[0].field", equalTo("line 2, column impactPercent"));
        // another media type
        given().contentType(ContentType.JSON).body("{}").post("/api/incidents/import").then().statusCode(415)
                .contentType("application/problem+json");
        given().contentType("text/csv").body("x".getBytes(StandardCharsets.UTF_8)).queryParam("dryRun", "maybe")
                .post("/api/incidents/import").then().statusCode(400)
                .body("violations[0].field", equalTo("dryRun"));
        assertEquals(0, countOf(service));
    }

    @Test
    void tooManyRowsAndTooLargeBodiesAre413() {
        String service = Fixtures.service("csv-413");
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        byte[] header = "source,externalId,title,severity,affectedServices,startedAt\n".getBytes(StandardCharsets.UTF_8);
        many.writeBytes(header);
        for (int i = 0; i <= IncidentCsvImport.MAX_ROWS; i++) {
            // rows that cannot be read: the limit is reached without writing 100,000 incidents first
            many.writeBytes(("m," + i + ",t,SEV0," + service + ",2024-01-01T00:00:00Z\n").getBytes(StandardCharsets.UTF_8));
        }
        post(many.toByteArray(), false).statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("more than 100000 rows"));
        assertEquals(0, countOf(service));

        // above sla-ledger.import.max-body-size (8M in tests)
        byte[] huge = new byte[9 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        System.arraycopy(header, 0, huge, 0, header.length);
        post(huge, false).statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("Content too large"));
        post(huge, true).statusCode(413);
        assertNoReaderLeftRunning();
    }

    private static final String ADMIN = "Authorization: Basic " + Base64.getEncoder().encodeToString(
            (SignInAsTestAdmin.USERNAME + ":" + SignInAsTestAdmin.PASSWORD).getBytes(StandardCharsets.UTF_8));

    /** Sends the CSV as the start of a body 100,000 bytes longer, then nothing: an upload that stalls. */
    private static RawHttp.Answer stalledUpload(String csv, boolean dryRun) {
        return RawHttp.sendWithBody("127.0.0.1", RestAssured.port, Duration.ofSeconds(60),
                "POST /api/incidents/import?dryRun=" + dryRun + " HTTP/1.1", csv, ADMIN, "Content-Type: text/csv",
                "Content-Length: " + (csv.getBytes(StandardCharsets.UTF_8).length + 100_000));
    }

    @Test
    void anUploadThatStallsIsRefusedWith408AndHoldsNothingBack() {
        // sla-ledger.import.stall-seconds=10 in tests: fewer than 1 KiB in 10 s ends the import
        String service = Fixtures.service("csv-stall");
        String source = TestData.uniqueKey("stall");
        // 1,500 rows: the first chunk of 1,000 is written (its keys locked) before the upload stalls
        String csv = rows(source, service, 1_500, -1);
        long started = System.nanoTime();
        RawHttp.Answer answer = stalledUpload(csv, false);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(408, answer.status(), answer.statusLine() + " " + answer.body());
        assertEquals(true, answer.headers().get("content-type").startsWith("application/problem+json"));
        assertEquals("The upload stalled: fewer than 1024 bytes arrived in 10 seconds (sla-ledger.import.stall-seconds);"
                + " nothing was imported", JsonPath.from(answer.body()).getString("detail"));
        assertEquals(true, seconds >= 10 && seconds < 40, "answered after " + seconds + " s");
        assertEquals(0, countOf(service));
        assertNoReaderLeftRunning();
        // its transaction and its keys' locks are gone: the same rows go in at once
        post(csv).statusCode(200).body("created", equalTo(1_500));
        // a burst above 1 KiB that fits in no chunk, then silence: refused one stall window after the burst,
        // not two (the window looks back from now)
        String burst = rows(TestData.uniqueKey("burst"), service, 25, -1);
        assertEquals(true, burst.length() > 1024);
        started = System.nanoTime();
        answer = stalledUpload(burst, true);
        seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals(408, answer.status(), answer.statusLine() + " " + answer.body());
        assertEquals(true, seconds >= 10 && seconds < 18, "answered after " + seconds + " s");
    }

    @Test
    void importsBeyondTheConcurrentLimitGet503WithRetryAfter() {
        // sla-ledger.import.max-concurrent=4: four previews waiting for the rest of their bodies hold every place
        String service = Fixtures.service("csv-busy");
        String csv = rows(TestData.uniqueKey("busy"), service, 10, -1);
        try (HeldImports held = HeldImports.hold(imports, csv, 4)) {
            io.restassured.response.Response busy = null;
            // the held previews end at their stall limit (10 s in tests): probe before that
            long deadline = System.nanoTime() + Duration.ofSeconds(9).toNanos();
            while (busy == null && System.nanoTime() < deadline && !held.anyEnded()) {
                io.restassured.response.Response answer = given().contentType("text/csv").body(csv)
                        .queryParam("dryRun", true).post("/api/incidents/import");
                if (answer.statusCode() == 503) {
                    busy = answer;
                } else {
                    assertEquals(200, answer.statusCode(), answer.asString()); // not all four are in yet
                }
            }
            assertEquals(true, busy != null, "no 503 while four previews were held");
            assertEquals("10", busy.header("Retry-After"));
            assertEquals(true, busy.contentType().startsWith("application/problem+json"));
            assertEquals("The service is running 4 CSV imports and previews already (sla-ledger.import.max-concurrent);"
                    + " retry in 10 seconds", busy.jsonPath().getString("detail"));
        }
        // their places are free again
        post(csv.getBytes(StandardCharsets.UTF_8), true).statusCode(200).body("valid", equalTo(true));
        assertNoReaderLeftRunning();
    }

    @jakarta.inject.Inject
    IncidentCsvImport imports;

    /** Every import reads its file on a thread of its own; a refused import must not leave it behind. */
    private static void assertNoReaderLeftRunning() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("csv-import-reader") && t.isAlive())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a csv-import-reader thread is still running 10 s after the import ended");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void thePreviewShowsRowsAsTheyWillBeStoredAndWritesNothing() {
        String a = Fixtures.service("csv-pv");
        String b = Fixtures.service("csv-pv");
        String source = TestData.uniqueKey("pv");
        String csv = "source,externalId,title,severity,affectedServices,startedAt\n"
                + source + ", p1 , Title ,sev2,\" " + b + " | " + a + " \",2024-01-01T01:00:00+01:00\n";
        post(csv.getBytes(StandardCharsets.UTF_8), true).statusCode(200).body("valid", equalTo(true))
                .body("errors", hasSize(0)).body("created", equalTo(1))
                .body("preview[0].line", equalTo(2))
                .body("preview[0].incident.externalId", equalTo("p1"))
                .body("preview[0].incident.title", equalTo("Title"))
                .body("preview[0].incident.severity", equalTo("SEV2"))
                .body("preview[0].incident.affectedServices", contains(a, b))
                .body("preview[0].incident.impactPercent", equalTo(100))
                .body("preview[0].incident.startedAt", equalTo("2024-01-01T00:00:00Z"))
                .body("preview[0].incident.resolvedAt", nullValue());
        given().get("/api/incidents/by-key/" + source + "/p1").then().statusCode(404);
        post(csv).statusCode(200).body("created", equalTo(1));
        post(csv.getBytes(StandardCharsets.UTF_8), true).statusCode(200).body("preview.outcome", hasItem("UNCHANGED"));
    }
}
