package org.kiban.insight;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kiban.counter.BrowserTest;
import org.kiban.counter.Chromium;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four dashboards in headless Chromium, as the operator of the joint use sees them with the demo groups: the
 * ECharts charts are drawn (SVG), no serious or critical axe-core violation, and each is saved to
 * {@code docs/screens/}.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightScreenshotsTest {

    @LocalServerPort
    int port;

    Chromium chromium;

    @BeforeAll
    void setUp() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void tearDown() {
        chromium.close();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void theFourDashboardsDrawTheirChartsAndPassAxe() {
        List<String> violations = new ArrayList<>();
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP")
                .setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.fill("#username", "operator");
            page.fill("#password", "kiban-demo-2026");
            page.press("#password", "Enter");
            page.waitForURL(url("/"));
            String[][] screens = {
                    {"/insight/onboarding?group=fukui&from=2026-10", "20-insight-onboarding", "onboarding-timeline", "導入計画（五月雨方式）"},
                    {"/insight/customization?group=demo-tenants", "21-insight-customization", "customization-rates", "カスタマイズの見える化"},
                    {"/insight/grouping?scope=18", "22-insight-grouping", "grouping", "グループ分けの検討"},
                    {"/insight/cost?group=fukui", "23-insight-cost", "cost", "費用効果の試算（単独と共同利用）"}};
            for (String[] s : screens) {
                page.navigate(url(s[0]));
                assertThat(page.locator("h1")).hasText(s[3]);
                page.waitForSelector("body[data-charts-ready=true]");
                // ECharts drew its SVG inside the chart's box.
                assertThat(page.locator(".chart[data-chart=" + s[2] + "] svg")).hasCount(1);
                Chromium.accessibilityViolations(page).forEach(v -> violations.add(s[1] + ": " + v));
                Chromium.screenshot(page, s[1]);
            }
            // The nav leads to every dashboard, and the page marks where one is.
            assertThat(page.locator("nav.tabs a[aria-current=page]")).hasText("費用効果の試算");
        }
        assertThat(violations).isEmpty();
    }
}
