package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.browser.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client report as a client receives it: printed to PDF by headless Chromium exactly as its Print
 * button does (the page's own {@code @page} size, A4, and margins), then read back with PDFBox. A month
 * with up to 5 incidents fits on one A4 page; more take whole pages without splitting a row of the
 * summary, the table's header repeated on each page it continues on, each page numbered "Page X of Y".
 * The PDF is kept as {@code target/screenshots/report-pdf-N-incidents.pdf}, its pages as PNGs beside it.
 */
@QuarkusTest
class ClientReportPdfBrowserTest extends BrowserTest {

    private static final String ZONE = "Europe/Berlin";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The report opens for account managers, finance and admins; the admin reads every client. */
    @BeforeEach
    void signInAsAdmin() {
        browser.manage().deleteAllCookies();
        signIn(TestUsers.withRole(Role.ADMIN));
    }

    @ParameterizedTest(name = "{0} incidents")
    @ValueSource(ints = {2, 5})
    void aMonthWithUpToFiveIncidentsIsOneA4PageWithIssueDateNameTitlesAndPageNumber(int incidents)
            throws IOException {
        Month month = monthWithIncidents(incidents);
        try (PDDocument pdf = print(month, "")) {
            assertEquals(1, pdf.getNumberOfPages(), incidents + " incidents fit on one page");
            assertA4(pdf);
            String text = words(pdf);
            assertTrue(text.contains("Service report for Client " + month.client()), text);
            assertTrue(text.contains("Issued " + issued()) || text.contains("Issued " + issued().minusDays(1)), text);
            for (String title : month.titles()) {
                assertTrue(text.contains(title), title + " in:\n" + text);
            }
            assertTrue(text.contains("Page 1 of 1"), text);
        }
    }

    @Test
    void aMonthWithTwelveIncidentsTakesTwoWholePagesTheTableWholeOnTheFirst() throws IOException {
        Month month = monthWithIncidents(12);
        try (PDDocument pdf = print(month, "")) {
            assertEquals(2, pdf.getNumberOfPages(), "12 incidents take two pages");
            assertA4(pdf);
            for (int page = 1; page <= 2; page++) {
                String text = text(pdf, page, page);
                assertTrue(text.contains("Page " + page + " of 2"), "page number on page " + page + ":\n" + text);
            }
            String all = words(pdf);
            for (String title : month.titles()) {
                assertTrue(all.contains(title), title + " in:\n" + all);
            }
            assertEquals(List.of(12, 0), summaryRowsPerPage(pdf, month), "the summary table whole on page 1");
        }
    }

    @Test
    void aSummaryTableLongerThanAPageRepeatsItsHeaderAndSplitsNoRow() throws IOException {
        Month month = monthWithIncidents(40);
        try (PDDocument pdf = print(month, "")) {
            int pages = pdf.getNumberOfPages();
            assertEquals(5, pages, "40 incidents: the table over two pages, the details over three");
            List<Integer> rows = summaryRowsPerPage(pdf, month);
            assertTrue(rows.get(0) > 0 && rows.get(1) > 0, "the table continues on page 2: " + rows);
            String second = text(pdf, 2, 2);
            assertTrue(second.contains("Began Incident Duration Impact Service Counted"),
                    "the table's header repeated on page 2:\n" + second);
            assertTrue(text(pdf, pages, pages).contains("Page " + pages + " of " + pages));
        }
    }

    /**
     * How many rows of the summary table each page holds, asserting that each row is whole: its start time
     * and its last cell (the counted downtime) on one line of one page, and each row printed once.
     */
    private static List<Integer> summaryRowsPerPage(PDDocument pdf, Month month) throws IOException {
        List<Integer> rowsPerPage = new ArrayList<>();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            String text = text(pdf, page, page);
            int rows = 0;
            for (String began : month.began()) {
                if (text.contains(began)) {
                    rows++;
                    assertTrue(text.lines().anyMatch(line -> line.startsWith(began) && line.strip().endsWith("7 min 30 s")),
                            "the row of " + began + " whole on page " + page + ":\n" + text);
                }
            }
            rowsPerPage.add(rows);
        }
        assertEquals(month.began().size(), rowsPerPage.stream().mapToInt(Integer::intValue).sum(), "each row once: " + rowsPerPage);
        return rowsPerPage;
    }

    @Test
    void leavingOutInternalFieldsRemovesSeverityRootCauseAndNotesFromThePdf() throws IOException {
        Month month = monthWithIncidents(2);
        try (PDDocument pdf = print(month, "")) {
            String text = words(pdf);
            assertFalse(text.contains("SEV"), "no severity:\n" + text);
            assertFalse(text.contains("Root cause") || text.contains("renewed by hand"), "no root cause:\n" + text);
            assertFalse(text.contains("on-call engineer paged"), "no timeline notes:\n" + text);
            assertTrue(text.contains("Checkout requests failed"), "what happened is for the client:\n" + text);
        }
        try (PDDocument pdf = print(month, "&include=severity&include=rootCause&include=timeline")) {
            String text = words(pdf);
            assertTrue(text.contains("SEV2"), "severity when asked for:\n" + text);
            assertTrue(text.contains("renewed by hand"), "root cause when asked for:\n" + text);
            assertTrue(text.contains("on-call engineer paged"), "timeline notes when asked for:\n" + text);
        }
    }

    /**
     * A client in Berlin and its March 2024 with incidents of 15 minutes at 50 % (7 min 30 s counted),
     * every 12 hours from 1 March 09:00Z; {@code began}: their starts as the summary table shows them.
     */
    private record Month(String client, List<String> titles, List<String> began) {
    }

    private static Month monthWithIncidents(int count) {
        String service = Fixtures.service("pdf");
        String client = Fixtures.client("pdf", ZONE);
        Map<String, Object> terms = new HashMap<>();
        terms.put("effectiveFrom", "2023-01-01");
        terms.put("coveredServices", List.of(service));
        terms.put("targetPercent", new BigDecimal("99.9"));
        terms.put("creditTiers", List.of(Map.of("belowPercent", new BigDecimal("99.9"), "creditPercent", new BigDecimal("10"))));
        terms.put("monthlyFee", Map.of("amount", "12000.00", "currency", "EUR"));
        given().contentType(ContentType.JSON).body(terms).post("/api/clients/" + client + "/contracts")
                .then().statusCode(201);
        List<String> titles = new ArrayList<>();
        List<String> began = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String title = "Payment gateway certificate expired (" + i + " of " + count + ")";
            Instant start = Instant.parse("2024-03-01T09:00:00Z").plus(Duration.ofHours(12L * (i - 1)));
            began.add(SHOWN.format(start.atZone(ZoneId.of(ZONE))));
            Map<String, Object> incident = new HashMap<>();
            incident.put("source", "pdf-test");
            incident.put("externalId", TestData.uniqueKey("inc"));
            incident.put("title", title);
            incident.put("severity", "SEV2");
            incident.put("affectedServices", List.of(service));
            incident.put("impactPercent", new BigDecimal("50"));
            incident.put("summary", "Checkout requests failed for about a quarter of an hour; orders placed meanwhile"
                    + " were kept and completed once the service recovered.");
            incident.put("rootCause", "the load balancer's certificate was renewed by hand, and nobody was reminded");
            incident.put("preventiveActions", List.of("Certificates renew automatically thirty days ahead",
                    "An alert fires fourteen days before any certificate expires"));
            incident.put("timeline", List.of(Map.of("at", start.plusSeconds(300).toString(),
                    "text", "on-call engineer paged")));
            incident.put("startedAt", start.toString());
            incident.put("detectedAt", start.plusSeconds(120).toString());
            incident.put("acknowledgedAt", start.plusSeconds(300).toString());
            incident.put("mitigatedAt", start.plusSeconds(15 * 60).toString());
            incident.put("resolvedAt", start.plusSeconds(20 * 60).toString());
            given().contentType(ContentType.JSON).body(incident).post("/api/incidents").then().statusCode(201);
            titles.add(title);
        }
        return new Month(client, titles, began);
    }

    /**
     * Prints the report as the browser's Print does: the page's {@code @page} rules decide size and margins
     * ({@code preferCSSPageSize}), backgrounds as on screen. The PDF is kept as
     * {@code target/screenshots/report-pdf-N-incidents.pdf}, each page as a PNG beside it.
     */
    private PDDocument print(Month month, String options) throws IOException {
        open("/clients/" + month.client() + "/report?month=2024-03" + options);
        Map<String, Object> result = browser.executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] bytes = Base64.getDecoder().decode((String) result.get("data"));
        String name = "report-pdf-" + month.titles().size() + "-incidents" + (options.isEmpty() ? "" : "-internal");
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".pdf"), bytes);
        PDDocument pdf = Loader.loadPDF(bytes);
        PDFRenderer renderer = new PDFRenderer(pdf);
        for (int page = 0; page < pdf.getNumberOfPages(); page++) {
            BufferedImage image = renderer.renderImageWithDPI(page, 96);
            ImageIO.write(image, "png", SCREENSHOTS.resolve(name + "-page-" + (page + 1) + ".png").toFile());
        }
        return pdf;
    }

    private static String text(PDDocument pdf, int firstPage, int lastPage) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(firstPage);
        stripper.setEndPage(lastPage);
        return stripper.getText(pdf);
    }

    /** The text of every page, each run of white space (a line wrapped anywhere) as one space. */
    private static String words(PDDocument pdf) throws IOException {
        return text(pdf, 1, pdf.getNumberOfPages()).replaceAll("\\s+", " ");
    }

    /** A4 is 210 × 297 mm: 595 × 842 points, give or take rounding. */
    private static void assertA4(PDDocument pdf) {
        for (int page = 0; page < pdf.getNumberOfPages(); page++) {
            PDRectangle box = pdf.getPage(page).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 1.5f, "page width in points");
            assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 1.5f, "page height in points");
        }
    }

    private static LocalDate issued() {
        return LocalDate.now(ZoneId.of(ZONE));
    }
}
