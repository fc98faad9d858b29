package org.kiban.counter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Playwright with the system's Chromium. No browser is downloaded ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}); when
 * {@code /usr/bin/chromium} is missing the browser tests fail with a message that says what to install — they are
 * never skipped. {@code .ci/run} installs it.
 */
public final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Paths.get(System.getProperty("kiban.chromium", "/usr/bin/chromium"));
    static final Path SCREENS = Paths.get("docs", "screens");

    final Playwright playwright;
    public final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Chromium not found at " + EXECUTABLE + ": the browser tests need Debian's "
                    + "chromium (apt-get install -y chromium fonts-noto-cjk), or -Dkiban.chromium=/path/to/chromium.");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--lang=ja-JP")));
        return new Chromium(playwright, browser);
    }

    /** Serious and critical axe-core violations on the page, as "rule: targets" lines (empty when none). */
    public static List<String> accessibilityViolations(Page page) {
        page.evaluate(axeSource());
        Object result = page.evaluate("""
                async () => {
                  const r = await axe.run(document, { resultTypes: ['violations'] });
                  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '));
                }""");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    /** A full-page screenshot in {@code docs/screens/}, for the README. */
    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENS.resolve(name + ".png")).setFullPage(true));
    }

    private static String axe;

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = Chromium.class.getResourceAsStream("/axe/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
