package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.browser.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;

/**
 * The service calendar pages, a client month measured in service hours and a recurring maintenance window, at a
 * desktop and a phone width: nothing wider than the window.
 */
@QuarkusTest
class ServiceHoursBrowserTest extends BrowserTest {

    @Test
    void calendarsMonthAndWeeklyMaintenanceFitA1400AndA390PixelWindow() throws Exception {
        String calendar = TestData.uniqueKey("browser-office");
        List<Map<String, String>> ranges = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                .map(day -> Map.of("day", day, "from", "08:00", "to", "18:00")).toList();
        given().contentType(ContentType.JSON).body(Map.of("key", calendar, "name", "Germany office hours",
                "weeklyHours", ranges, "holidayCountry", "DE", "customHolidays", List.of("2024-12-24")))
                .post("/api/service-calendars").then().statusCode(201);
        String service = Fixtures.service("browser-office");
        String client = Fixtures.client("browser-office", "Europe/Berlin");
        given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2024-10-01",
                        "coveredServices", List.of(service), "targetPercent", new BigDecimal("99.9"),
                        "creditTiers", List.of(), "monthlyFee", Map.of("amount", "100.00", "currency", "EUR"),
                        "serviceCalendar", calendar))
                .post("/api/clients/" + client + "/contracts").then().statusCode(201);
        Map<String, Object> incident = new HashMap<>(Map.of("source", "browser", "externalId",
                TestData.uniqueKey("inc"), "title", "Weekend outage", "severity", "SEV2",
                "affectedServices", List.of(service), "startedAt", "2024-10-25T15:30:00Z",
                "detectedAt", "2024-10-25T15:30:00Z", "acknowledgedAt", "2024-10-28T07:15:00Z",
                "mitigatedAt", "2024-10-28T07:30:00Z"));
        given().contentType(ContentType.JSON).body(incident).post("/api/incidents").then().statusCode(201);
        Map<String, Object> weekly = new HashMap<>(Map.of("title", "Sunday patching", "startsAt",
                "2024-10-06T02:00:00+02:00", "endsAt", "2024-10-06T04:00:00+02:00", "scope", "CLIENTS",
                "clients", List.of(client), "recurrence", "FREQ=WEEKLY;BYDAY=SU", "timeZone", "Europe/Berlin"));
        long window = given().contentType(ContentType.JSON).body(weekly).post("/api/maintenance-windows").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        signIn(TestUsers.create("calendar-admin", Role.ADMIN));
        Map<String, String> pages = Map.of(
                "service-calendars", "/service-calendars",
                "service-calendar", "/service-calendars/" + calendar,
                "client-month-service-hours", "/clients/" + client + "?month=2024-10",
                "maintenance-weekly", "/maintenance/" + window);
        for (int width : new int[] {1400, 390}) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.manage().window().setSize(new Dimension(width, 900));
                open(page.getValue());
                Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow.intValue() <= 0, page.getValue() + " at " + width + " px overflows by "
                        + overflow + " px");
                Files.createDirectories(SCREENSHOTS);
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                        SCREENSHOTS.resolve(page.getKey() + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        open("/clients/" + client + "?month=2024-10");
        assertTrue(browser.getPageSource().contains("id=\"service-calendar\""));
        assertTrue(browser.getPageSource().contains("repeats"));
    }
}
