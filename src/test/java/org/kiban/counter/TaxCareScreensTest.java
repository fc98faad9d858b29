package org.kiban.counter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.kiban.care.internal.InsuredRegister;
import org.kiban.care.internal.PremiumAssessments;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.resident.Address;
import org.kiban.resident.NewPerson;
import org.kiban.resident.Notification;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.ResidentNotifications;
import org.kiban.resident.Sex;
import org.kiban.tax.TaxCalculationRequest;
import org.kiban.tax.internal.AssessmentService;
import org.kiban.tenancy.StaffRole;
import org.kiban.tenancy.TenantState;
import org.kiban.tenancy.internal.StaffService;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tax and care screens in a real browser, for 奥多摩町 (133086, a tenant of its own): a 税務担当 runs the
 * 令和8年度 assessment, reads a person's assessment with its explanation and notice, and simulates with the data on
 * file; a 介護保険担当 reads the insured status and premium, takes a 要介護認定 application whose 30-day deadline has
 * passed, records the next step and finds the case on the work lists; a 住民記録担当 sees none of it. Each screen is
 * checked with axe-core and saved to {@code docs/screens/}.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaxCareScreensTest {

    static final String OKUTAMA = "133086";
    static final String PASSWORD = "screens-test-2026";
    static final Actor LOADER = Actor.system("screens-test");

    @LocalServerPort
    int port;
    @Autowired
    TenantService tenants;
    @Autowired
    StaffService staff;
    @Autowired
    ResidentNotifications notifications;
    @Autowired
    AssessmentService taxAssessments;
    @Autowired
    InsuredRegister insured;
    @Autowired
    PremiumAssessments premiums;
    @Autowired
    TransactionTemplate tx;

    Chromium chromium;
    String elder;
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        chromium = Chromium.launch();
        if (tenants.find(OKUTAMA).isEmpty()) {
            TenantContext.runAs(null, LOADER, () -> {
                tenants.register(OKUTAMA, LocalDate.of(2025, 1, 1), null);
                tenants.transition(OKUTAMA, TenantState.MIGRATING, LocalDate.of(2025, 10, 1), "移行");
                tenants.transition(OKUTAMA, TenantState.LIVE, LocalDate.of(2026, 4, 1), "本稼働");
                tenants.setMayorName(OKUTAMA, "奥多摩 試験");
            });
            TenantContext.runAs(OKUTAMA, LOADER, () -> {
                staff.create("screens-clerk", "窓口 試験", "001", PASSWORD, Set.of(StaffRole.RESIDENT_CLERK), false);
                staff.create("screens-tax", "税務 試験", "001", PASSWORD, Set.of(StaffRole.TAX_OFFICER), false);
                staff.create("screens-care", "介護 試験", "001", PASSWORD, Set.of(StaffRole.CARE_OFFICER), false);
            });
        }
        // Registered on 1 January 2026 (the 賦課期日) and 65 or older at the 転入 (insured from that day, 介護保険法第10条).
        NotificationResult moved = TenantContext.callAs(OKUTAMA, LOADER, () -> notifications.submit(new Notification.Entry(
                NotificationType.MOVE_IN_DOMESTIC, "2025-12-01", LocalDate.of(2025, 12, 1), null, null, true, null,
                Address.of("東京都西多摩郡奥多摩町氷川215番地6"), Address.of("東京都青梅市東青梅一丁目11番地の1"),
                List.of(new NewPerson(null, ResidentKind.JAPANESE, "山田 静子", "ヤマダ シズコ", null, null, null, null, null,
                        "昭和30年5月5日", Sex.FEMALE, "世帯主", "東京都青梅市東青梅一丁目11番地の1", "山田 静子", null, null,
                        null, null)))));
        elder = moved.records().get(0).atenaNo();
        // A 申告 of 事業所得 1,000,000 yen only.
        TenantContext.runAs(OKUTAMA, LOADER, () -> taxAssessments.fileReturn(2026, elder, new TaxCalculationRequest(null, null,
                null, new TaxCalculationRequest.Income(null, null, 1_000_000L, null, null), null, null, null, null)));
        for (int i = 0; i < 100 && TenantContext.callAs(OKUTAMA, LOADER, () -> insured.find(elder)).isEmpty(); i++) {
            Thread.sleep(100);
        }
        // The care premium of the 年度 is assessed before the tax: the tax result then recalculates it.
        TenantContext.runAs(OKUTAMA, LOADER, () -> tx.executeWithoutResult(s -> premiums.assessYear(2026, "当初賦課")));
    }

    @AfterAll
    void tearDown() {
        if (chromium != null) {
            chromium.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Page signIn(BrowserContext context, String user) {
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.locator("#username").fill(user);
        page.locator("#password").fill(PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL(url("/"));
        return page;
    }

    void check(Page page, String screen) {
        Chromium.accessibilityViolations(page).forEach(v -> violations.add(screen + ": " + v));
        Chromium.screenshot(page, screen);
    }

    BrowserContext context() {
        return chromium.browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP").setViewportSize(1024, 900));
    }

    @Test
    @Order(1)
    void taxOfficerRunsTheAssessmentReadsItAndSimulates() {
        try (BrowserContext context = context()) {
            Page page = signIn(context, "screens-tax");
            page.locator("header nav a", new Page.LocatorOptions().setHasText("住民税")).click();
            page.locator("#taxYear").selectOption("2026");
            page.locator("button", new Page.LocatorOptions().setHasText("賦課を実行する")).click();
            assertThat(page.locator("[role=status]")).containsText("令和8年度の賦課の結果");
            assertThat(page.locator("[role=status]")).containsText("今回賦課した人");
            check(page, "20-tax-assessment-run");

            // The resident view shows the tax status to a 税務担当, linked to the assessment.
            page.navigate(url("/municipalities/" + OKUTAMA + "/residents/" + elder));
            assertThat(page.locator(".flag-area", new Page.LocatorOptions().setHasText("個人住民税"))).containsText("令和8年度 課税 59,500円（普通徴収）");
            page.locator(".flag-area a", new Page.LocatorOptions().setHasText("令和8年度")).click();
            page.waitForURL(url("/municipalities/" + OKUTAMA + "/tax/residents/" + elder + "?year=2026"));
            // 事業所得 1,000,000 − 基礎控除 430,000 = 570,000 (地方税法第314条の2第2項); 市 6% 34,200 − 調整控除 1,500,
            // 都 4% 22,800 − 1,000 (第314条の6・第37条); + 均等割 3,000 + 1,000 + 森林環境税 1,000 = 59,500; 普通徴収
            // four 納期 in thousands, the fraction first (第320条, 第20条の4の2第6項): 17,500 + 14,000 × 3.
            // (the same facts as the wife in tax/AssessmentTest, worked by hand there)
            assertThat(page.locator("#annual-total")).hasText("59,500円");
            assertThat(page.locator("table[aria-labelledby=schedule] tbody tr")).hasCount(4);
            assertThat(page.locator("table[aria-labelledby=schedule] tbody tr").first()).containsText("17,500円");
            assertThat(page.locator("table[aria-labelledby=schedule] tbody tr").last()).containsText("14,000円");
            assertThat(page.locator("table[aria-labelledby=explanation]")).containsText("地方税法");
            check(page, "21-tax-assessment");
            assertThat(page.request().get(url("/municipalities/" + OKUTAMA + "/tax/residents/" + elder + "/notice.pdf?year=2026"))
                    .headers().get("content-type")).startsWith("application/pdf");

            // 更正 with a reason: a second version in the history.
            page.locator("#reason").fill("申告内容の確認による更正");
            page.locator("button", new Page.LocatorOptions().setHasText("更正する")).click();
            assertThat(page.locator("p.notice[role=status]")).containsText("第2版");
            assertThat(page.locator("table[aria-labelledby=versions] tbody tr")).hasCount(2);

            // The simulator, prefilled from what is on file; the clerk changes the income and recalculates.
            page.locator("a", new Page.LocatorOptions().setHasText("この人の内容で試算する")).click();
            assertThat(page.locator("input[name=age]")).hasValue("70");
            assertThat(page.locator("input[name=businessIncome]")).hasValue("1000000");
            assertThat(page.locator("h2", new Page.LocatorOptions().setHasText("試算結果"))).containsText("59,500円");
            page.locator("input[name=pension]").fill("2000000");
            page.locator("button", new Page.LocatorOptions().setHasText("計算する")).click();
            assertThat(page.locator("input[name=pension]")).hasValue("2000000");
            assertThat(page.locator("table").last()).containsText("公的年金");
            check(page, "22-tax-simulator");
        }
        assertThat(violations).isEmpty();
    }

    List<PremiumAssessments.Assessment> premiumVersions() {
        return TenantContext.callAs(OKUTAMA, LOADER, () -> tx.execute(s -> premiums.history(elder, 2026)));
    }

    @Test
    @Order(2)
    void careOfficerReadsStatusAndPremiumTakesAnApplicationAndWorksTheDeadline() throws Exception {
        // The tax results (the run, then the 更正) reach the care module as events: each recalculates the premium.
        for (int i = 0; i < 100 && premiumVersions().size() < 3; i++) {
            Thread.sleep(100);
        }
        List<PremiumAssessments.Assessment> versions = premiumVersions();
        assertThat(versions).extracting(PremiumAssessments.Assessment::reason).first().isEqualTo("当初賦課");
        PremiumAssessments.Assessment latest = versions.get(versions.size() - 1);
        try (BrowserContext context = context()) {
            Page page = signIn(context, "screens-care");
            page.navigate(url("/municipalities/" + OKUTAMA + "/residents/" + elder));
            assertThat(page.locator(".flag-area", new Page.LocatorOptions().setHasText("介護保険"))).containsText("第1号被保険者（2025-12-01から）");
            assertThat(page.locator(".flag-area", new Page.LocatorOptions().setHasText("個人住民税"))).hasCount(0);
            page.locator(".flag-area a", new Page.LocatorOptions().setHasText("第1号被保険者")).click();
            assertThat(page.locator("h1")).containsText("介護保険");
            assertThat(page.locator("dl.record")).containsText("2025-12-01");
            assertThat(page.locator("#annual-premium")).hasText(String.format("%,d円", latest.annualPremium()));
            assertThat(page.locator("table", new Page.LocatorOptions().setHasText("賦課・再計算の履歴")).locator("tbody tr"))
                    .hasCount(versions.size());

            // An application taken 40 days ago: the decision was due 30 days after it (介護保険法第27条第11項).
            LocalDate appliedOn = LocalDate.now().minusDays(40);
            page.locator("#appliedOn").fill(appliedOn.toString());
            page.locator("button", new Page.LocatorOptions().setHasText("認定の申請を受け付ける")).click();
            assertThat(page.locator("#deadline")).hasText(appliedOn.plusDays(30).toString());
            assertThat(page.locator(".deadline.overdue")).containsText("期限を10日過ぎています");
            assertThat(page.locator("#step")).hasValue("SURVEYED");
            page.locator("#on").fill(appliedOn.plusDays(5).toString());
            page.locator("button", new Page.LocatorOptions().setHasText("記録する")).click();
            assertThat(page.locator("p.notice[role=status]")).containsText("認定調査を記録しました");
            assertThat(page.locator("ol.steps li")).hasCount(2);
            assertThat(page.locator(".card", new Page.LocatorOptions().setHasText("状態"))).containsText("認定調査済み");
            assertThat(page.locator("#step")).hasValue("OPINION_RECEIVED");
            check(page, "24-care-certification");
            String caseUrl = page.url();

            // The work lists: the care module's own, per role, and the counter's.
            page.navigate(url("/municipalities/" + OKUTAMA + "/care/work-list?role=OPINION"));
            assertThat(page.locator("table[aria-labelledby=overdue]")).containsText("主治医意見書の督促");
            assertThat(page.locator("table[aria-labelledby=overdue]")).not().containsText("延期通知");
            page.locator("#role").selectOption("CERTIFICATION");
            page.locator("button", new Page.LocatorOptions().setHasText("表示")).click();
            assertThat(page.locator("table[aria-labelledby=overdue]")).containsText("延期通知");
            check(page, "25-care-work-list");
            page.navigate(url("/municipalities/" + OKUTAMA + "/work-lists"));
            assertThat(page.locator("h2", new Page.LocatorOptions().setHasText("要介護認定の期限"))).isVisible();
            assertThat(page.locator("table", new Page.LocatorOptions().setHasText("主治医意見書の督促"))).containsText("期限超過");
            page.navigate(url("/municipalities/" + OKUTAMA + "/care/residents/" + elder));
            check(page, "23-care-person");
            assertThat(caseUrl).contains("/care/certifications/");
        }
        assertThat(violations).isEmpty();
    }

    @Test
    @Order(3)
    void aClerkWithoutTheRolesSeesNoTaxOrCare() {
        try (BrowserContext context = context()) {
            Page page = signIn(context, "screens-clerk");
            assertThat(page.locator("header nav")).not().containsText("住民税");
            assertThat(page.locator("header nav")).not().containsText("介護保険");
            page.navigate(url("/municipalities/" + OKUTAMA + "/residents/" + elder));
            assertThat(page.locator(".flags")).not().containsText("個人住民税");
            assertThat(page.locator(".flags")).not().containsText("第1号被保険者");
            page.navigate(url("/municipalities/" + OKUTAMA + "/work-lists"));
            assertThat(page.locator("main")).containsText("介護保険担当の職員に表示されます");
            assertThat(page.locator("main")).not().containsText("主治医意見書の督促");
            for (String path : List.of("/tax/residents/" + elder, "/tax/assessment-runs", "/care/residents/" + elder,
                    "/care/work-list")) {
                Response r = page.navigate(url("/municipalities/" + OKUTAMA + path));
                assertThat(r.status()).as(path).isEqualTo(403);
            }
        }
    }
}
