package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.testing.TestData;
import com.slaledger.testing.browser.BrowserTest;
import com.slaledger.testing.TestUsers;
import com.slaledger.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;

/** The inbox and a delivery at a desktop width and a phone width: nothing wider than the window. */
@QuarkusTest
class IngestPagesBrowserTest extends BrowserTest {

    @Test
    void theInboxAndADeliveryFitA1400AndA390PixelWindow() throws Exception {
        long id = IngestPagesTest.unmappedDelivery(TestData.uniqueKey("browser-" + "x".repeat(60)),
                TestData.uniqueKey("fp"));
        signIn(TestUsers.create("ingest-admin", Role.ADMIN));
        for (int width : new int[] {1400, 390}) {
            for (String path : new String[] {"/admin/ingest", "/admin/ingest/" + id}) {
                browser.manage().window().setSize(new Dimension(width, 900));
                open(path);
                assertTrue(browser.getPageSource().contains("Delivery " + id) || browser.getPageSource()
                        .contains("/admin/ingest/" + id), path + " shows the delivery");
                Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow.intValue() <= 0, path + " at " + width + " px overflows by " + overflow + " px");
                Files.createDirectories(SCREENSHOTS);
                String name = (path.equals("/admin/ingest") ? "ingest-inbox" : "ingest-delivery") + "-" + width;
                Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
