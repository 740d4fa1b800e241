package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.Fixtures;
import com.slaledger.testing.TestData;
import com.slaledger.testing.browser.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The seed postmortem pasted into the import page, checked beside its document, saved, and shown. */
@QuarkusTest
class PostmortemImportBrowserTest extends BrowserTest {

    private static String seed() throws IOException {
        try (InputStream in = PostmortemImportBrowserTest.class.getResourceAsStream("/postmortems/0x19-postmortem.txt")) {
            // a first line of its own: each run's document is new to the database
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceFirst("0x19-postmortem", TestData.uniqueKey("0x19-postmortem"));
        }
    }

    @Test
    void theSeedIsPastedCheckedBesideItsLinesAndSaved() throws IOException {
        String service = Fixtures.service("servers");
        open("/incidents/import");
        setValue(find("#text"), seed());
        find("button[type=submit].primary").click();
        waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("import-warnings")));

        // the warnings on top name both dates; the lines that gave the instants are highlighted and labelled
        assertTrue(find("#import-warnings li[data-code=DATE_CONFLICT]").getText().contains("5 September 2020"));
        assertEquals("Started", find("#doc-line-14.source-line .mark").getText());
        assertEquals("Mitigated", find("#doc-line-20.source-line .mark").getText());
        assertEquals("Detected", find("#doc-line-15.source-line .mark").getText());
        assertEquals("Etc/GMT-1", new Select(find("#zone")).getFirstSelectedOption().getAttribute("value"));
        assertEquals("2024-01-16T10:00", find("#startedAt").getAttribute("value"));
        assertEquals("2024-01-16T10:22", find("#mitigatedAt").getAttribute("value"));
        assertEquals("Server Outage Incident report", find("#title").getAttribute("value"));
        assertFits("postmortem-import-preview");

        new Select(find("#severity")).selectByValue("SEV1");
        find("input[name=affectedServices][value='" + service + "']").click();
        find(".import-draft button[type=submit].primary").click();
        waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches(".*/incidents/\\d+(\\?.*)?$"));
        assertEquals("Server Outage Incident report", find("h1").getText());
        assertEquals("10 min", find("#tta").getText());
        assertEquals("22 min", find("#ttr").getText());
        screenshot("postmortem-imported-incident");
    }

    @Test
    void aTextWithoutTimelineIsRefusedOnTheFirstPage() {
        open("/incidents/import");
        setValue(find("#text"), "https://docs.example.com/postmortems/42");
        find("button[type=submit].primary").click();
        waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("import-problem")));
        assertTrue(find("#import-problem").getText().contains("No timeline found"), find("#import-problem").getText());
        assertFits("postmortem-import-refused");
    }

    /** At 1400 and 390 px wide, the page has no horizontal overflow; a screenshot of each for people to look at. */
    private void assertFits(String name) {
        for (int width : new int[] {1400, 390}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            Object height = ((JavascriptExecutor) browser).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
            browser.manage().window().setSize(new Dimension(width, Math.min(8000, ((Number) height).intValue())));
            try {
                Files.createDirectories(SCREENSHOTS);
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(0L, ((Number) overflow).longValue(), name + " overflows horizontally at " + width + " px");
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
