package com.slaledger.testing.browser;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import com.slaledger.security.Role;
import com.slaledger.testing.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The base of end-to-end tests: a headless Debian Chromium driven through its own chromedriver (paths
 * set explicitly, so Selenium Manager never tries to download one), a fresh profile under
 * {@code target/} per test, and screenshots of whole pages in {@code target/screenshots/}.
 * Subclasses are {@code @QuarkusTest}s; pages are opened on the port the test application listens on.
 */
@ExtendWith(BrowserSupport.class)
public abstract class BrowserTest {

    protected static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int WIDTH = 1280;

    protected ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Files.createDirectories(Path.of("target"));
        profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserSupport.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + WIDTH + ",900", "--lang=en-GB",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserSupport.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        signIn(TestUsers.withRole(Role.SRE));
    }

    /** Signs in through the login page, as a person would; pages need a signed-in session. */
    protected void signIn(TestUsers.TestUser user) {
        open("/login");
        find("#username").sendKeys(user.username());
        find("#password").sendKeys(user.password());
        find("form[action='/login']").submit();
        waitUpTo(Duration.ofSeconds(10)).until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        deleteQuietly(profile);
    }

    /** Opens a page of the application under test. */
    protected void open(String path) {
        browser.get("http://localhost:" + RestAssured.port + path);
    }

    protected WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    protected WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    /**
     * Sets an input the way a date picker would. Typing into {@code datetime-local} depends on the
     * browser's locale, and the test is about the page, not about the picker.
     */
    protected void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                input, value);
    }

    /** Saves the whole page (the window is stretched to its height) as {@code target/screenshots/NAME.png}. */
    protected Path screenshot(String name) {
        return screenshot(name, WIDTH);
    }

    /**
     * Makes the window this wide (and 900 px high) and waits until the page has it (a headless window
     * takes a moment); pages re-lay themselves out without a reload.
     */
    protected void resize(int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
        waitUpTo(Duration.ofSeconds(5)).until(driver -> {
            int inner = ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth;")).intValue();
            return inner <= width && inner >= width - 20;
        });
    }

    /** Runs a script in the page and answers its value. */
    protected Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /**
     * Saves the whole page at this window width (the window is stretched to the page's height) as
     * {@code target/screenshots/NAME.png}; the window is left {@code width} wide and 900 px high.
     */
    protected Path screenshot(String name, int width) {
        resize(width);
        Object height = ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        int pageHeight = Math.min(8000, Math.max(600, ((Number) height).intValue()));
        // the window's height includes the browser's own bars: add them, so the page gets all of its height
        int bars = ((Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(0, window.outerHeight - window.innerHeight);")).intValue();
        browser.manage().window().setSize(new Dimension(width, pageHeight + bars));
        try {
            // the resize is asynchronous: shoot once the page has its full height
            waitUpTo(Duration.ofSeconds(3)).until(driver -> ((Number) ((JavascriptExecutor) driver)
                    .executeScript("return window.innerHeight;")).intValue() >= pageHeight - 2);
        } catch (org.openqa.selenium.TimeoutException tooTall) {
            // a window cannot always grow that tall; the screenshot then shows what fits
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(new Dimension(width, 900));
        }
    }

    private static void deleteQuietly(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
