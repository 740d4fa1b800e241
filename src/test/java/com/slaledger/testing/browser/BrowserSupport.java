package com.slaledger.testing.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides whether browser tests can run: they need Debian's Chromium and chromedriver. Without them a
 * developer's run skips the tests and says why, loudly; under {@code CI=true} it fails, because a CI
 * that silently skips its browser tests has stopped testing the pages.
 * <p>
 * The check runs before each test, not before all: aborting a {@code @QuarkusTest} class in
 * {@code beforeAll} breaks Quarkus's own {@code afterAll}, which then reports an error instead of a skip.
 */
public class BrowserSupport implements BeforeEachCallback {

    static final Path CHROMIUM = Path.of(setting("CHROMIUM_BINARY", "browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(setting("CHROMEDRIVER", "browser.chromedriver", "/usr/bin/chromedriver"));

    @Override
    public void beforeEach(ExtensionContext context) {
        String missing = missing();
        if (missing == null) {
            return;
        }
        String message = "Browser test " + context.getRequiredTestClass().getSimpleName() + "."
                + context.getDisplayName() + " cannot run: " + missing
                + ". Install them with: apt-get install -y chromium chromium-driver"
                + " (or set CHROMIUM_BINARY and CHROMEDRIVER).";
        System.err.println("*** " + message);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true: " + message);
        }
        Assumptions.abort(message);
    }

    /** What is missing, or null when both programs are there. */
    static String missing() {
        boolean browser = Files.isExecutable(CHROMIUM);
        boolean driver = Files.isExecutable(CHROMEDRIVER);
        if (browser && driver) {
            return null;
        }
        return (browser ? "" : "no Chromium at " + CHROMIUM) + (browser || driver ? "" : " and ")
                + (driver ? "" : "no chromedriver at " + CHROMEDRIVER);
    }

    private static String setting(String variable, String property, String fallback) {
        String fromEnvironment = System.getenv(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return System.getProperty(property, fallback);
    }
}
