package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.HeldImports;
import com.slaledger.testing.RawHttp;
import com.slaledger.testing.SignInAsTestAdmin;
import com.slaledger.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CSV upload page: a preview first (rows as stored, errors by line), the import only when confirmed. */
@QuarkusTest
class IncidentUploadPagesTest {

    private static final Pattern CONFIRM = Pattern.compile("action=\"(/incidents/upload/[0-9a-f]+/import)\"");

    private static Response upload(FormSession session, String fileName, String csv) {
        return given().accept("text/html").redirects().follow(false)
                .cookie("csrf-token", session.cookie)
                .multiPart("csrf-token", session.token)
                .multiPart("file", fileName, csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/incidents/upload");
    }

    @Test
    void aFileIsPreviewedThenImportedOnlyWhenConfirmed() {
        String service = Fixtures.service("upload");
        String source = TestData.uniqueKey("upload");
        String csv = "source;externalId;title;severity;affectedServices;impactPercent;startedAt;resolvedAt\n"
                + source + ";u1;Login fails;SEV2;" + service + ";25;2024-04-01T10:00:00Z;2024-04-01T10:40:00Z\n"
                + source + ";u2;Search slow;SEV4;" + service + ";;2024-04-02T10:00:00Z;\n";
        FormSession session = FormSession.open("/incidents/upload");
        Response preview = upload(session, "april.csv", csv);
        assertEquals(200, preview.statusCode(), preview.asString());
        String page = preview.asString();
        assertTrue(page.contains("Preview of april.csv"), page);
        assertTrue(page.contains("2 rows: 2 new, 0 to change, 0 already as in the file."), page);
        assertTrue(page.contains("<td>Login fails</td>") && page.contains("25 %") && page.contains("100 %"), page);
        assertTrue(page.contains("2024-04-01 10:00"), page);
        given().get("/api/incidents/by-key/" + source + "/u1").then().statusCode(404);

        Matcher confirm = CONFIRM.matcher(page);
        assertTrue(confirm.find(), page);
        Response imported = session.post(confirm.group(1), Map.of("fileName", "april.csv"));
        assertEquals(200, imported.statusCode(), imported.asString());
        assertTrue(imported.asString().contains("april.csv is imported:</strong> 2 rows;"), imported.asString());
        given().get("/api/incidents/by-key/" + source + "/u1").then().statusCode(200)
                .body("impactPercent", org.hamcrest.Matchers.equalTo(25));

        // the same confirmation again finds nothing waiting: nothing is imported twice
        Response again = session.post(confirm.group(1), Map.of("fileName", "april.csv"));
        assertEquals(404, again.statusCode());
        assertTrue(again.asString().contains("no longer waiting"), again.asString());
    }

    @jakarta.inject.Inject
    com.slaledger.incident.IncidentCsvImport imports;

    @Test
    void aBusyServiceKeepsTheUploadAndOffersToTryTheImportAgain() {
        String service = Fixtures.service("upload-busy");
        String source = TestData.uniqueKey("busy");
        String csv = "source,externalId,title,severity,affectedServices,startedAt\n"
                + source + ",b1,Login fails,SEV2," + service + ",2024-04-01T10:00:00Z\n";
        FormSession session = FormSession.open("/incidents/upload");
        Matcher confirm = CONFIRM.matcher(upload(session, "busy.csv", csv).asString());
        assertTrue(confirm.find());

        // sla-ledger.import.max-concurrent=4: four previews waiting for the rest of their bodies hold every place
        try (HeldImports held = HeldImports.hold(imports, csv, 4)) {
            Response busy = null;
            for (long deadline = System.nanoTime() + Duration.ofSeconds(9).toNanos();
                    busy == null && System.nanoTime() < deadline && !held.anyEnded(); ) {
                Response answer = given().contentType("text/csv").body(csv).queryParam("dryRun", true)
                        .post("/api/incidents/import");
                if (answer.statusCode() == 503) {
                    busy = session.post(confirm.group(1), Map.of("fileName", "busy.csv"));
                }
            }
            assertTrue(busy != null, "the four held previews never filled the service");
            assertEquals(503, busy.statusCode(), busy.asString());
            assertEquals("10", busy.header("Retry-After"));
            String page = busy.asString();
            assertTrue(page.contains("busy.csv: nothing was imported.</strong> The service is running 4 CSV imports"), page);
            assertTrue(page.contains("id=\"retry-import\"") && page.contains("action=\"" + confirm.group(1) + "\""), page);
            assertTrue(page.contains("Try the import again") && !page.contains("Upload the corrected file"), page);
            given().get("/api/incidents/by-key/" + source + "/b1").then().statusCode(404);
        }
        Response imported = session.post(confirm.group(1), Map.of("fileName", "busy.csv"));
        assertEquals(200, imported.statusCode(), imported.asString());
        assertTrue(imported.asString().contains("busy.csv is imported:</strong> 1 row;"), imported.asString());
        given().get("/api/incidents/by-key/" + source + "/b1").then().statusCode(200);
    }

    @Test
    void aFileWithErrorsShowsEveryErrorByLineAndOffersNoImport() {
        String service = Fixtures.service("upload-bad");
        String csv = "source,externalId,title,severity,affectedServices,startedAt\n"
                + "bad,b1,Fine,SEV2," + service + ",2024-04-01T10:00:00Z\n"
                + "bad,b2,<script>alert(1)</script>,SEV7," + service + ",2024-04-01T10:00:00Z\n";
        FormSession session = FormSession.open("/incidents/upload");
        Response preview = upload(session, "bad.csv", csv);
        assertEquals(400, preview.statusCode());
        String page = preview.asString();
        assertTrue(page.contains("line 3, column severity"), page);
        assertTrue(page.contains("must be one of SEV1, SEV2, SEV3, SEV4, got &#39;SEV7&#39;")
                || page.contains("must be one of SEV1, SEV2, SEV3, SEV4, got &apos;SEV7&apos;")
                || page.contains("got 'SEV7'"), page);
        assertTrue(!CONFIRM.matcher(page).find(), "no import is offered for a file with errors");
        assertTrue(page.contains("Upload the corrected file"), page);
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() {
        Response response = given().accept("text/html").redirects().follow(false)
                .multiPart("file", "x.csv", "source\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .when().post("/incidents/upload");
        assertEquals(400, response.statusCode());
    }

    @Test
    void theListOffersImportAndAnExportOfItsFilters() {
        String service = Fixtures.service("upload-list");
        given().accept("text/html").queryParam("service", service).queryParam("from", "2024-01-01")
                .get("/incidents").then().statusCode(200)
                .body(containsString("href=\"/incidents/upload\""))
                .body(containsString("/api/incidents/export?service=" + service + "&amp;from=2024-01-01T00%3A00%3A00Z"))
                .body(not(containsString("page=")));
    }
}
