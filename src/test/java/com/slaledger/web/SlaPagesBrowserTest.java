package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.browser.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An account's month as people walk it: dashboard, clients, the client's month, its impact report; then
 * an SRE records the SPEC's outage through the form and the client's availability changes on the page.
 */
@QuarkusTest
class SlaPagesBrowserTest extends BrowserTest {

    @Test
    void fromTheDashboardToAClientsMonthReportAndAnIncidentThatChangesIt() {
        String service = Fixtures.service("walk");
        String client = Fixtures.client("walk");
        // the SPEC's worked example: 99.99 with AWS tiers on EUR 12,000.00 a month
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("effectiveFrom", "2024-01-01",
                "coveredServices", List.of(service), "targetPercent", 99.99,
                "creditTiers", List.of(Map.of("belowPercent", 99.99, "creditPercent", 10),
                        Map.of("belowPercent", 99.0, "creditPercent", 30),
                        Map.of("belowPercent", 95.0, "creditPercent", 100)),
                "monthlyFee", Map.of("amount", "12000.00", "currency", "EUR")))
                .post("/api/clients/" + client + "/contracts").then().statusCode(201);

        browser.manage().deleteAllCookies();
        signIn(TestUsers.withRole(Role.ADMIN));
        open("/");
        screenshot("dashboard");
        find("nav a[href='/clients']").click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/clients"));
        open("/clients?month=2024-01");
        find("a[href='/clients/" + client + "?month=2024-01']").click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("availability")));
        // nothing happened yet in January 2024
        assertEquals("100.000 %", find("#availability").getText());
        assertEquals("met", find("#breach").getText());
        find("a[href='/clients/" + client + "/report?month=2024-01']").click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/report"));
        assertTrue(find("h1").getText().startsWith("Service report for"));
        assertEquals("none", find("#credit").getText());

        // an SRE records the outage: 16 January 2024, 10:00 to 10:22 UTC, full impact
        open("/incidents/new");
        find("#title").sendKeys("Outage " + TestData.uniqueKey("walk"));
        new Select(find("#severity")).selectByValue("SEV1");
        new Select(find("#zone")).selectByValue("UTC");
        setValue(find("#startedAt"), "2024-01-16T09:00");
        setValue(find("#detectedAt"), "2024-01-16T09:00");
        setValue(find("#acknowledgedAt"), "2024-01-16T09:10");
        setValue(find("#mitigatedAt"), "2024-01-16T09:22");
        find("input[name=affectedServices][value='" + service + "']").click();
        find("button[type=submit].primary").click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/incidents/\\d+(\\?.*)?$"));

        open("/clients/" + client + "?month=2024-01");
        // SPEC: D = 1,320 s of 2,678,400 s → 99.950717 %, shown floored; below 99.99 → 10 % of EUR 12,000.00
        assertEquals("99.950 %", find("#availability").getText());
        assertEquals("22 min", find("#downtime").getText());
        assertEquals("breached", find("#breach").getText());
        assertEquals("EUR 1,200.00", find("#credit").getText());
        screenshot("client-month");
        open("/clients/" + client + "/report?month=2024-01");
        assertTrue(find("#credit").getText().startsWith("EUR 1,200.00"), find("#credit").getText());
        screenshot("client-impact-report");
        open("/credits?month=2024-01");
        screenshot("credits");
        open("/clients?month=2024-01");
        screenshot("clients");
        open("/reliability?from=2024-01-01&to=2024-01-31");
        // other tests' services may outrank it in downtime; its own row of response times is always there
        assertTrue(find("#group-" + service).getText().endsWith("22 min 22 min 22 min"), find("#group-" + service).getText());
        screenshot("reliability");
        open("/admin/users");
        screenshot("users");

        // signing out ends the session: the next page asks to sign in again
        find(".sign-out button").click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        open("/credits?month=2024-01");
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
    }
}
