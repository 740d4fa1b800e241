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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every page as each role would meet it, at a phone's, a tablet's and a desktop's width: each answers a
 * page in the layout (never JSON, never a blank body), whether it is a 200, a 403 or a 404; nothing makes
 * the page scroll sideways (a wide table scrolls inside its own box); the page's key figure is on screen.
 * One browser for the whole walk: the window is resized instead of restarted. Screenshots of every page
 * at 390 and 1400 px land in {@code target/screenshots/walk-ROLE-PAGE-WIDTH.png}.
 */
@QuarkusTest
class PageWalkBrowserTest extends BrowserTest {

    static final int[] WIDTHS = {1400, 768, 390};

    /** A page to open, what should be on it, and which roles get the page rather than the 403 page. */
    record Stop(String name, String path, String keyFigure, List<String> roles) {
    }

    @Test
    void everyPageAsEveryRoleAtEveryWidthIsAStyledPageWithoutSidewaysScrolling() {
        var example = SlaPagesFixtures.workedExample("Europe/Berlin");
        TestUsers.TestUser manager = TestUsers.withRole(Role.ACCOUNT_MANAGER);
        Map<String, Object> owned = new LinkedHashMap<>();
        owned.put("key", example.client());
        owned.put("name", "Client " + example.client());
        owned.put("timeZone", "Europe/Berlin");
        owned.put("accountManager", "Account Manager");
        owned.put("accountManagerUsername", manager.username());
        given().contentType(ContentType.JSON).body(owned).put("/api/clients/" + example.client())
                .then().statusCode(200);
        String someoneElses = Fixtures.client("not-mine");
        Map<String, Object> maintenance = new LinkedHashMap<>();
        maintenance.put("title", "Storage firmware upgrade for " + example.client());
        maintenance.put("startsAt", "2024-01-20T01:00:00Z");
        maintenance.put("endsAt", "2024-01-20T03:30:00Z");
        maintenance.put("scope", "CLIENTS");
        maintenance.put("clients", List.of(example.client()));
        long window = given().contentType(ContentType.JSON).body(maintenance).post("/api/maintenance-windows")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        String calendar = TestData.uniqueKey("walk-office");
        given().contentType(ContentType.JSON).body(Map.of("key", calendar, "name", "Office hours with a long name"
                        + " to wrap", "weeklyHours", List.of(Map.of("day", "MONDAY", "from", "08:00", "to", "18:00")),
                        "holidayCountry", "DE")).post("/api/service-calendars").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("key", calendar, "name", "Office hours",
                        "weeklyHours", List.of(Map.of("day", "MONDAY", "from", "08:00", "to", "17:00")),
                        "customHolidays", List.of("2024-12-24", "2024-12-31")))
                .put("/api/service-calendars/" + calendar).then().statusCode(200);

        String client = example.client();
        long contract = given().get("/api/clients/" + client + "/contracts").then().statusCode(200).extract()
                .jsonPath().getLong("[0].id");
        List<String> all = List.of(Role.SRE, Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN);
        List<String> slaReaders = List.of(Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN);
        List<String> incidentReaders = List.of(Role.SRE, Role.ACCOUNT_MANAGER, Role.ADMIN);
        List<String> sreAndAdmin = List.of(Role.SRE, Role.ADMIN);
        List<String> financeAndAdmin = List.of(Role.FINANCE, Role.ADMIN);
        List<Stop> stops = List.of(
                new Stop("dashboard", "/", "#fleet-availability", all),
                new Stop("clients", "/clients?month=2024-01", "#client-" + client, slaReaders),
                new Stop("client-month", "/clients/" + client + "?month=2024-01", "#availability", slaReaders),
                new Stop("client-report", "/clients/" + client + "/report?month=2024-01", "#availability", slaReaders),
                new Stop("client-what-if", "/clients/" + client + "/what-if", "#what-if-form", slaReaders),
                new Stop("incidents", "/incidents?client=" + client, "a[href^='/incidents/" + example.incidentId() + "']",
                        incidentReaders),
                new Stop("incident", "/incidents/" + example.incidentId(), "#ttr", incidentReaders),
                new Stop("incident-new", "/incidents/new", "h1", sreAndAdmin),
                new Stop("reliability", "/reliability?from=2024-01-01&to=2024-01-31", "#group-" + example.service(),
                        sreAndAdmin),
                new Stop("credits", "/credits?month=2024-01", "#client-" + client, slaReaders),
                new Stop("credit-claims", "/credits/claims?month=2024-01", "#credit-count", slaReaders),
                new Stop("contracts", "/contracts", "#client-" + client, financeAndAdmin),
                new Stop("contract-versions", "/contracts/" + client, "#version-" + contract, financeAndAdmin),
                new Stop("contract", "/contracts/" + client + "/" + contract, "#tier-0", financeAndAdmin),
                new Stop("contract-new", "/contracts/" + client + "/new", "#tier-0", List.of(Role.ADMIN)),
                new Stop("service-calendars", "/service-calendars", "#calendar-" + calendar, slaReaders),
                new Stop("service-calendar", "/service-calendars/" + calendar, "#calendar-history", slaReaders),
                new Stop("maintenance", "/maintenance?month=2024-01&zone=Europe/Berlin", "#window-" + window,
                        sreAndAdmin),
                new Stop("maintenance-window", "/maintenance/" + window + "?zone=Europe/Berlin", "#window-starts",
                        sreAndAdmin),
                new Stop("maintenance-new", "/maintenance/new", "h1", sreAndAdmin),
                new Stop("users", "/admin/users", "h1", List.of(Role.ADMIN)),
                // the setup pages
                new Stop("admin-clients", "/admin/clients", "#client-" + client, List.of(Role.ADMIN)),
                new Stop("admin-services", "/admin/services", "#service-" + example.service(), List.of(Role.ADMIN)),
                new Stop("tokens", "/account/tokens", "h1", all),
                new Stop("client-window", "/clients/" + client + "/window?span=quarter&start=2024-01",
                        "#availability", slaReaders),
                new Stop("ingest", "/admin/ingest", "h1", List.of(Role.ADMIN)),
                new Stop("incident-upload", "/incidents/upload", "h1", sreAndAdmin),
                new Stop("incident-import", "/incidents/import", "h1", sreAndAdmin));

        List<String> failures = new ArrayList<>();
        // before anyone signs in: the sign-in page, styled
        browser.manage().deleteAllCookies();
        visit("anonymous", "sign-in", "/login", 200, "form[action='/login'] button[type=submit]", failures);
        for (String role : all) {
            browser.manage().deleteAllCookies();
            signIn(role.equals(Role.ACCOUNT_MANAGER) ? manager : TestUsers.withRole(role));
            checkMenu(role, slaReaders.contains(role), failures);
            for (Stop stop : stops) {
                boolean allowed = stop.roles().contains(role);
                visit(role, stop.name(), stop.path(), allowed ? 200 : 403, allowed ? stop.keyFigure() : null, failures);
            }
            // what goes wrong looks like a page too
            visit(role, "no-such-page", "/no/such/page", 404, null, failures);
            if (!role.equals(Role.SRE)) {
                visit(role, "unknown-client", "/clients/no-such-client-at-all", 404, null, failures);
                visit(role, "bad-month", "/clients/" + client + "?month=2024-13", 400, null, failures);
                visit(role, "before-contract", "/clients/" + client + "?month=2021-06", 404, null, failures);
                visit(role, "bad-credits-month", "/credits?month=soon", 400, null, failures);
            }
            if (role.equals(Role.ACCOUNT_MANAGER)) {
                visit(role, "someone-elses-client", "/clients/" + someoneElses, 404, null, failures);
            }
            visit(role, "unknown-incident", "/incidents/999999999", role.equals(Role.FINANCE) ? 403 : 404, null,
                    failures);
        }
        assertTrue(failures.isEmpty(), failures.size() + " problems:\n" + String.join("\n", failures));
    }

    /** Opens the page once, then checks it at every width; problems are collected, not thrown, to see them all. */
    private void visit(String role, String name, String path, int status, String keyFigure, List<String> failures) {
        resize(WIDTHS[0]);
        open(path);
        String where = role + " " + path + ": ";
        String contentType = (String) script("return document.contentType;");
        String text = (String) script("return document.body ? document.body.innerText.trim() : '';");
        if (!"text/html".equals(contentType) || text.isEmpty() || text.startsWith("{")) {
            failures.add(where + "not a page (" + contentType + "): "
                    + text.substring(0, Math.min(80, text.length())));
            return;
        }
        List<WebElement> stylesheet = browser.findElements(By.cssSelector("link[rel=stylesheet][href='/css/app.css']"));
        if (stylesheet.isEmpty()) {
            failures.add(where + "without the stylesheet");
        }
        // no link leads the role into a page it may not open
        String closed = switch (role) {
            case Role.SRE -> "a[href^='/clients'], a[href^='/credits'], a[href^='/admin'], a[href^='/contracts'],"
                    + " a[href^='/service-calendars']";
            case Role.FINANCE -> "a[href^='/incidents'], a[href^='/reliability'], a[href^='/admin'],"
                    + " a[href^='/maintenance']";
            case Role.ACCOUNT_MANAGER -> "a[href^='/reliability'], a[href^='/admin'], a[href^='/incidents/new'],"
                    + " a[href^='/contracts'], a[href^='/maintenance']";
            default -> null;
        };
        if (closed != null) {
            List<WebElement> dead = browser.findElements(By.cssSelector(closed));
            if (!dead.isEmpty()) {
                failures.add(where + dead.size() + " link(s) to pages closed to the role, e.g. "
                        + dead.get(0).getAttribute("href"));
            }
        }
        List<WebElement> error = browser.findElements(By.cssSelector(".error-page .error-status"));
        if (status == 200 && !error.isEmpty()) {
            failures.add(where + "expected the page, got " + error.get(0).getText());
        } else if (status != 200 && (error.isEmpty() || !error.get(0).getText().equals("Error " + status))) {
            failures.add(where + "expected the error page for " + status + ", got "
                    + (error.isEmpty() ? "a page titled " + browser.getTitle() : error.get(0).getText()));
        }
        for (int width : WIDTHS) {
            resize(width);
            long innerWidth = ((Number) script("return window.innerWidth;")).longValue();
            long scrollWidth = ((Number) script("return document.documentElement.scrollWidth;")).longValue();
            if (innerWidth > width) {
                failures.add(where + "the window is " + innerWidth + " px wide, not " + width);
            }
            if (scrollWidth > innerWidth) {
                failures.add(where + "scrolls sideways at " + width + " px: " + scrollWidth + " > " + innerWidth
                        + " (widest: " + script(WIDEST) + ")");
            }
            Object wrapped = script("""
                    const bad = [];
                    for (const dd of document.querySelectorAll('.figures dd')) {
                      if (dd.scrollWidth > dd.clientWidth + 1) { bad.push((dd.id || dd.textContent.trim()) + ' overflows its card'); }
                    }
                    return bad.join('; ');""");
            if (!"".equals(wrapped)) {
                failures.add(where + "at " + width + " px: " + wrapped);
            }
            if (keyFigure != null) {
                List<WebElement> figure = browser.findElements(By.cssSelector(keyFigure));
                if (figure.isEmpty() || !figure.get(0).isDisplayed() || figure.get(0).getText().isBlank()) {
                    failures.add(where + "key figure " + keyFigure + " not visible at " + width + " px");
                } else if (!fitsInside(figure.get(0))) {
                    failures.add(where + "key figure " + keyFigure + " cut off at " + width + " px");
                }
            }
            if (width != 768) {
                screenshot("walk-" + role + "-" + name + "-" + width, width);
            }
        }
    }

    /**
     * The main menu as the role sees it: the service calendars there exactly for whoever reads SLA reports (the
     * page's roles), and at every width every entry inside the window, the header no wider than the page; at
     * 390 px, where the admin's twelve entries wrap onto several lines, the screenshot shows the menu.
     */
    private void checkMenu(String role, boolean readsCalendars, List<String> failures) {
        resize(WIDTHS[0]);
        open("/");
        List<WebElement> calendars = browser.findElements(By.cssSelector(".site-nav a[href='/service-calendars']"));
        if (calendars.size() != (readsCalendars ? 1 : 0)) {
            failures.add(role + " menu: " + calendars.size() + " service calendar entries, expected "
                    + (readsCalendars ? 1 : 0));
        } else if (readsCalendars && !calendars.get(0).getText().equals("Service calendars")) {
            failures.add(role + " menu: the entry reads '" + calendars.get(0).getText() + "'");
        }
        for (int width : WIDTHS) {
            resize(width);
            Object outside = script("""
                    const bad = [];
                    for (const a of document.querySelectorAll('.site-nav a')) {
                      const r = a.getBoundingClientRect();
                      if (r.left < 0 || r.right > window.innerWidth + 0.5) { bad.push(a.textContent.trim() + ' to ' + Math.round(r.right)); }
                    }
                    const header = document.querySelector('.site-header');
                    if (header.scrollWidth > header.clientWidth) { bad.push('the header scrolls: ' + header.scrollWidth + ' > ' + header.clientWidth); }
                    return bad.join('; ');""");
            if (!"".equals(outside)) {
                failures.add(role + " menu at " + width + " px sticks out: " + outside);
            }
            if (width == 390) {
                screenshot("walk-" + role + "-menu-" + width, width);
            }
        }
    }

    /** The element's box lies within the window's width, or inside a box that scrolls sideways on purpose. */
    private boolean fitsInside(WebElement element) {
        return (Boolean) script("""
                const e = arguments[0];
                if (e.closest('.table-scroll')) { return true; }
                const r = e.getBoundingClientRect();
                return r.left >= 0 && r.right <= window.innerWidth + 0.5;""", element);
    }

    /** Names the element that sticks out furthest to the right, to say what to fix. */
    private static final String WIDEST = """
            let widest = null, right = 0;
            for (const e of document.querySelectorAll('body *')) {
              if (e.closest('.table-scroll')) { continue; }
              const r = e.getBoundingClientRect();
              if (r.right > right) { right = r.right; widest = e; }
            }
            return widest ? widest.tagName.toLowerCase() + (widest.id ? '#' + widest.id : '')
                + (widest.className && widest.className.baseVal === undefined ? '.' + widest.className : '') + ' to ' + Math.round(right) : 'none';""";
}
