package com.slaledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slaledger.credit.CreditFixtures;
import com.slaledger.security.Role;
import com.slaledger.testing.TestUsers;
import com.slaledger.testing.browser.BrowserTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The claims desk in a browser at 1400 and 390 px: nothing wider than the window, the amounts and review flag
 * visible, and bulk approval by ticking a checkbox. Screenshots: target/screenshots/credit-claims-*.png.
 */
@QuarkusTest
class CreditClaimPagesBrowserTest extends BrowserTest {

    @Test
    void theDeskFitsBothWidthsAndApprovesWhatIsTicked() {
        // a month of its own (2023-02: 28 days = 2,419,200 s), so the list holds only this test's credits.
        // One hour down: 1 − 3,600 / 2,419,200 = 99.85119…% → 10 % of EUR 12,000.00 = EUR 1,200.00.
        CreditFixtures.Client claimed = CreditFixtures.client("browser-claimed");
        CreditFixtures.Client flagged = CreditFixtures.client("browser-flagged");
        for (CreditFixtures.Client client : new CreditFixtures.Client[] {claimed, flagged}) {
            CreditFixtures.contract(client, "2023-02-01", "12000.00", "EUR", null);
            CreditFixtures.outage(client, "2023-02-10T00:00:00Z", "2023-02-10T01:00:00Z");
        }
        CreditFixtures.sync("2023-02", "2023-03-02T00:00:00Z").statusCode(200);
        long flaggedId = CreditFixtures.creditId(flagged, "2023-02");
        CreditFixtures.post(flaggedId, "approve", null).statusCode(200);
        CreditFixtures.post(flaggedId, "issue", Map.of("creditNoteNumber", "CN-" + flagged.key(),
                "issuedOn", "2023-03-05")).statusCode(200);
        // 7 more hours: D = 28,800 s; 1 − 28,800 / 2,419,200 = 98.80952…% → 25 % → EUR 3,000.00
        CreditFixtures.outage(flagged, "2023-02-20T00:00:00Z", "2023-02-20T07:00:00Z");
        CreditFixtures.sync("2023-02", "2023-03-10T00:00:00Z").statusCode(200);
        long claimedId = CreditFixtures.creditId(claimed, "2023-02");

        signIn(TestUsers.create("claims-finance", Role.FINANCE));
        open("/credits/claims?month=2023-02");
        for (int width : new int[] {1400, 390}) {
            resize(width);
            Number overflow = (Number) script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow.intValue() <= 0, "the desk at " + width + " px overflows by " + overflow + " px");
            // the amount is in sight, not scrolled off inside the table
            Number right = (Number) script("return document.querySelector('#credit-" + flaggedId
                    + " td[data-label=Credit]').getBoundingClientRect().right;");
            assertTrue(right.intValue() <= width, "the amount at " + width + " px ends at " + right + " px");
            screenshot("credit-claims-" + width, width);
        }
        String flaggedRow = find("#credit-" + flaggedId).getText();
        assertTrue(flaggedRow.contains("EUR 1,200.00") && flaggedRow.contains("EUR 3,000.00"), flaggedRow);

        resize(1400);
        find("#select-" + claimedId).click();
        find("#bulk-approve button[type=submit]").click();
        waitUpTo(java.time.Duration.ofSeconds(5)).until(driver -> driver.getCurrentUrl().contains("done=approved"));
        assertEquals("1 credit approved.", find("#notice").getText());
        assertTrue(find("#credit-" + claimedId).getText().contains("approved"));

        open("/credits/claims/" + flaggedId);
        for (int width : new int[] {1400, 390}) {
            resize(width);
            Number overflow = (Number) script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow.intValue() <= 0, "a credit at " + width + " px overflows by " + overflow + " px");
            // the re-measured column is in sight, not scrolled off inside the table
            Number remeasured = (Number) script("return document.querySelector('#figure-amount td:last-child')"
                    + ".getBoundingClientRect().right;");
            assertTrue(remeasured.intValue() <= width, "the re-measured amount at " + width + " px ends at "
                    + remeasured + " px");
            screenshot("credit-claim-flagged-" + width, width);
        }
        assertTrue(find("#review").getText().contains("EUR 3,000.00"));
        // as credited 1 − 3,600 / 2,419,200 = 99.85119…%, re-measured 98.80952…%: both, side by side
        String availability = find("#figure-availability").getText();
        assertTrue(availability.contains("99.851 %") && availability.contains("98.809 %"), availability);
    }
}
