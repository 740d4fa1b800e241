package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.browser.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An account manager, from the client's month, tries the SPEC example's client on target 99.9 with tiers
 * moved down, reads both sides and the difference, saves it, and the page fits 1400 and 390 pixel windows;
 * every figure of a month leads to the client's month or its incidents, and one is followed.
 */
@QuarkusTest
class WhatIfPagesBrowserTest extends BrowserTest {

    @Test
    void fromTheClientMonthATargetIsTriedSavedAndFitsBothWidths() {
        String client = WhatIfPagesTest.workedExampleClient("wib");
        signIn(TestUsers.withRole(Role.ADMIN));
        open("/clients/" + client + "?month=2024-01");
        find("#what-if-link").click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("what-if-form")));
        screenshot("what-if-form-1400", 1400);

        setValue(find("#from"), "2023-12");
        setValue(find("#to"), "2024-03");
        find("#targetPercent").clear();
        find("#targetPercent").sendKeys("99.9");
        find("#tierBelow-0").clear();
        find("#tierBelow-0").sendKeys("99.9");
        find("#name").sendKeys("Target 99.9");
        find("#try").click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("totals")));
        // January 2024: EUR 1,200.00 under 99.99, nothing under 99.9; December 2023 had no contract
        assertTrue(find("#total-EUR dd").getText().startsWith("−EUR 1,200.00"), find("#total-EUR").getText());
        assertEquals("2023-12 no contract in force", find("#month-2023-12").getText());
        String month = "/clients/" + client + "?month=2024-01";
        for (int width : new int[] {1400, 390}) {
            screenshot("what-if-answer-" + width, width);
            Number overflow = (Number) script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow.intValue() <= 0, "the what-if page at " + width + " px overflows by " + overflow + " px");
            // the key figure, the difference, is in view without scrolling sideways
            Number right = (Number) script("return document.querySelector('#total-EUR dd').getBoundingClientRect().right;");
            assertTrue(right.intValue() <= width, "the difference ends at " + right + " px");
            // every figure of a month leads to what is behind it; a total leads to the months
            for (String figure : new String[] {"current-availability", "current-downtime", "current-credit",
                    "proposed-availability", "proposed-downtime", "proposed-credit"}) {
                assertTrue(find("#month-2024-01 a." + figure).getAttribute("href").contains(
                        figure.endsWith("downtime") ? "/incidents?client=" + client + "&from=2024-01-01&to=2024-01-31"
                                : month), figure + " at " + width + " px");
            }
            assertEquals("#months", find("#total-EUR dd a").getAttribute("href").replaceAll(".*#", "#"));
        }
        resize(1400);
        find("#save").click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("saved="));
        assertEquals("“Target 99.9”: 2023-12 to 2024-03", find("#answer").getText());
        assertTrue(find("#saved").getText().contains("Target 99.9"));
        screenshot("what-if-saved-390", 390);
        Number overflow = (Number) script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "the saved what-if at 390 px overflows by " + overflow + " px");

        // at 390 px, the proposal's downtime of January (scrolled to inside its table) leads to the outage behind it
        script("arguments[0].scrollIntoView({block: 'center', inline: 'center'});",
                find("#month-2024-01 a.proposed-downtime"));
        find("#month-2024-01 a.proposed-downtime").click();
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/incidents?client=" + client));
        assertTrue(browser.getPageSource().contains("Server outage"), "the incident list of January 2024");
    }
}
