package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.browser.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

@QuarkusTest
class IncidentPagesBrowserTest extends BrowserTest {

    @Test
    void anIncidentRecordedThroughTheFormShowsItsTimeline() throws Exception {
        String service = Fixtures.service("e2e");
        String title = "Payments time out " + TestData.uniqueKey("e2e");

        open("/incidents/new");
        screenshot("incident-form-empty");
        find("#title").sendKeys(title);
        new Select(find("#severity")).selectByValue("SEV2");
        find("#impactPercent").clear();
        find("#impactPercent").sendKeys("60");
        new Select(find("#zone")).selectByValue("Europe/Berlin");
        setValue(find("#startedAt"), "2024-01-16T10:00");
        setValue(find("#detectedAt"), "2024-01-16T10:00");
        setValue(find("#acknowledgedAt"), "2024-01-16T10:10");
        setValue(find("#mitigatedAt"), "2024-01-16T10:22");
        setValue(find("#resolvedAt"), "2024-01-16T11:30");
        find("input[name=affectedServices][value='" + service + "']").click();
        find("#timeline").sendKeys("10:00 Pager fired for payment errors\n10:12 Rolled back the release\n"
                + "10:22 Error rate back to normal");
        find("#summary").sendKeys("Card payments timed out after a release.");
        find("#rootCause").sendKeys("A pool size of 2 in the new config.");
        find("#preventiveActions").sendKeys("Validate pool sizes in CI");
        find("button[type=submit].primary").click();

        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/incidents/\\d+(\\?.*)?$"));
        assertEquals(title, find("h1").getText());
        assertEquals("10 min", find("#tta").getText());
        assertEquals("22 min", find("#ttr").getText());
        assertEquals("1 h 30 min", find("#ttresolve").getText());
        WebElement chart = find("svg.timeline-chart");
        assertTrue(chart.isDisplayed());
        List<String> markers = browser.findElements(By.cssSelector("svg.timeline-chart .marker text")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Started 10:00", "Detected 10:00", "Acknowledged 10:10", "Mitigated 10:22",
                "Resolved 11:30"), markers);
        assertEquals(3, browser.findElements(By.cssSelector("svg.timeline-chart .entry-dot")).size());
        assertTrue(find("figcaption").getText().startsWith("Times in Europe/Berlin (UTC+01:00), 2024-01-16"));
        Path shot = screenshot("incident-detail");
        assertTrue(Files.size(shot) > 10_000, "a screenshot with something on it");

        open("/incidents?service=" + service);
        assertTrue(find("table.incidents").getText().contains(title));
        screenshot("incident-list");
    }

    @Test
    void aFormWithMistakesShowsThemBesideTheFields() {
        open("/incidents/new");
        find("#title").sendKeys("Half a report");
        setValue(find("#startedAt"), "2024-01-16T10:00");
        setValue(find("#detectedAt"), "2024-01-16T09:00");
        find("button[type=submit].primary").click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        assertEquals("is required", find("#severity-error").getText());
        assertTrue(find("#detectedAt-error").getText().startsWith("must not be before Started"));
        assertEquals("Half a report", find("#title").getAttribute("value"));
        screenshot("incident-form-errors");
    }
}
