package com.slaledger.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.security.Role;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.browser.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
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

    /**
     * A saved what-if may be named with 100 characters and no space: opened, its name in the saved list, in the
     * headings and on the "Save changes to …" button wraps instead of widening the page at 1400 and 390 px.
     */
    @Test
    void aHundredCharacterNameWithoutASpaceWrapsAtBothWidths() {
        String client = WhatIfPagesTest.workedExampleClient("wib-long");
        String name = "W".repeat(100);
        long id = given().contentType(ContentType.JSON).body(Map.of("name", name, "from", "2024-01", "to", "2024-01"))
                .post("/api/clients/" + client + "/what-ifs").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        signIn(TestUsers.withRole(Role.ADMIN));
        open("/clients/" + client + "/what-if?saved=" + id);
        waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("update")));
        assertEquals("Save changes to “" + name + "”", find("#update").getText());
        for (int width : new int[] {1400, 390}) {
            resize(width);
            screenshot("what-if-long-name-" + width, width);
            Number overflow = (Number) script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            // the elements whose content is wider than their box, to say in a failure what overflows
            Object wide = script("return Array.from(document.querySelectorAll('main *'))"
                    + ".filter(e => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1)"
                    + ".map(e => e.tagName + '#' + e.id + ' ' + e.scrollWidth + '/' + e.clientWidth).join(' | ');");
            assertTrue(overflow.intValue() <= 0,
                    "the what-if page at " + width + " px overflows by " + overflow + " px: " + wide);
            for (String element : new String[] {"#saved-" + id + " a", "#update", "#answer", "#history-heading"}) {
                Number right = (Number) script("return document.querySelector(arguments[0]).getBoundingClientRect().right;",
                        element);
                assertTrue(right.intValue() <= width, element + " ends at " + right + " px at " + width + " px");
            }
        }
    }
}
