package org.kiban.counter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.kiban.audit.AuditQuery;
import org.kiban.audit.AuditTrail;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.resident.Address;
import org.kiban.resident.NewPerson;
import org.kiban.resident.Notification;
import org.kiban.resident.NotificationResult;
import org.kiban.resident.NotificationType;
import org.kiban.resident.ProtectedOperation;
import org.kiban.resident.ProtectionMeasures;
import org.kiban.resident.ResidentKind;
import org.kiban.resident.ResidentNotifications;
import org.kiban.resident.ResidentRecord;
import org.kiban.resident.Sex;
import org.kiban.tenancy.StaffRole;
import org.kiban.tenancy.TenantState;
import org.kiban.tenancy.internal.StaffService;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter in a real browser: a clerk of 越前市 serves the 吉田 household from the search box to a printed
 * 住民票の写し, keyboard only; a 支援措置 refuses a third party; a clerk cannot open another municipality's URL. Each
 * main screen is checked with axe-core (no serious or critical violation) and saved to {@code docs/screens/}.
 * Two tenants of its own: 越前市 (182095) and 坂井市 (182109).
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CounterFlowTest {

    static final String ECHIZEN = "182095";
    static final String SAKAI = "182109";
    static final String PASSWORD = "counter-test-2026";
    static final Actor LOADER = Actor.system("counter-test");

    @LocalServerPort
    int port;

    @Autowired
    TenantService tenants;

    @Autowired
    StaffService staff;

    @Autowired
    ResidentNotifications notifications;

    @Autowired
    ProtectionMeasures protections;

    @Autowired
    AuditTrail audit;

    Chromium chromium;
    String head;
    String wife;
    String household;
    String sakaiResident;
    String movedOut;

    @Autowired
    org.kiban.exchange.internal.Importer importer;
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    void setUp() {
        chromium = Chromium.launch();
        for (String lg : List.of(ECHIZEN, SAKAI)) {
            if (tenants.find(lg).isEmpty()) {
                TenantContext.runAs(null, LOADER, () -> {
                    tenants.register(lg, LocalDate.of(2025, 1, 1), null);
                    tenants.transition(lg, TenantState.MIGRATING, LocalDate.of(2025, 10, 1), "移行");
                    tenants.transition(lg, TenantState.LIVE, LocalDate.of(2026, 4, 1), "本稼働");
                    tenants.setMayorName(lg, "窓口 試験");
                });
                TenantContext.runAs(lg, LOADER, () -> staff.create("counter-" + lg, "窓口 試験", "001", PASSWORD,
                        Set.of(StaffRole.RESIDENT_CLERK), false));
                TenantContext.runAs(lg, LOADER, () -> staff.create("counter-sv-" + lg, "責任者 試験", "001", PASSWORD,
                        Set.of(StaffRole.SUPERVISOR), false));
            }
        }
        // Moved out towards 坂井市 on 2026-10-01 and no 転入通知 since: on the work list after 30 days.
        NotificationResult yamamoto = TenantContext.callAs(ECHIZEN, LOADER, () -> notifications.submit(new Notification.Entry(
                NotificationType.MOVE_IN_DOMESTIC, "2026-04-01", LocalDate.of(2026, 4, 1), null, null, true, null,
                Address.of("福井県越前市府中二丁目2番2号"), Address.of("福井県福井市大手三丁目10番1号"),
                List.of(person("山本 転出", "ヤマモト テンシュツ", "昭和55年5月5日", Sex.MALE, "世帯主")))));
        movedOut = atenaOf(yamamoto, "山本　転出");
        TenantContext.runAs(ECHIZEN, LOADER, () -> notifications.submit(new Notification.MoveOut(
                NotificationType.MOVE_OUT_DOMESTIC, "2026-10-01", LocalDate.of(2026, 9, 25), null, null, true,
                List.of(movedOut), Address.of("福井県坂井市三国町中央二丁目2番2号"), SAKAI)));
        // A dry run of a broken file set: on the work list of import staff.
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("counter-broken-set");
            java.nio.file.Files.writeString(dir.resolve("manifest.json"),
                    "{\"layout\":\"kiban\",\"layoutVersion\":\"0.9\",\"lgCode\":\"" + ECHIZEN + "\",\"kind\":\"full\",\"files\":[]}");
            TenantContext.runAs(ECHIZEN, LOADER, () -> importer.importFrom(ECHIZEN, dir,
                    new org.kiban.exchange.internal.Importer.Options(true, false), null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Entered in no particular order: the household takes the standard order (§5.2) when it is formed.
        NotificationResult yoshida = TenantContext.callAs(ECHIZEN, LOADER, () -> notifications.submit(new Notification.Entry(
                NotificationType.MOVE_IN_DOMESTIC, "2026-04-01", LocalDate.of(2026, 4, 1), null, null, true, null,
                new Address("福井県越前市府中一丁目1番1号", null, null, "9150071", null),
                Address.of("福井県福井市大手三丁目10番1号"), List.of(
                        person("吉田 彩", "ヨシダ アヤ", "平成15年8月8日", Sex.FEMALE, "子"),
                        person("吉田 美咲", "ヨシダ ミサキ", "昭和47年7月7日", Sex.FEMALE, "妻"),
                        person("吉田 大輔", "ヨシダ ダイスケ", "平成12年3月3日", Sex.MALE, "子"),
                        person("吉田 健一", "ヨシダ ケンイチ", "昭和45年5月5日", Sex.MALE, "世帯主")))));
        head = atenaOf(yoshida, "吉田　健一");
        wife = atenaOf(yoshida, "吉田　美咲");
        household = yoshida.records().get(0).householdNo();
        TenantContext.runAs(ECHIZEN, LOADER, () -> protections.register(new ProtectionMeasures.Registration(wife, Map.of(),
                "加害 者", null, null, null, null, null, Set.of(ProtectedOperation.CERTIFICATE, ProtectedOperation.INSPECTION),
                LocalDate.of(2026, 4, 1), false, null, null)));
        NotificationResult sakai = TenantContext.callAs(SAKAI, LOADER, () -> notifications.submit(new Notification.Entry(
                NotificationType.MOVE_IN_DOMESTIC, "2026-04-01", LocalDate.of(2026, 4, 1), null, null, true, null,
                Address.of("福井県坂井市三国町中央一丁目1番1号"), Address.of("石川県金沢市広坂一丁目1番1号"),
                List.of(person("吉田 坂井", "ヨシダ サカイ", "昭和50年1月1日", Sex.MALE, "世帯主")))));
        sakaiResident = sakai.records().get(0).atenaNo();
    }

    @AfterAll
    void tearDown() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static NewPerson person(String name, String kana, String birth, Sex sex, String relationship) {
        return new NewPerson(null, ResidentKind.JAPANESE, name, kana, null, null, null, null, null, birth, sex, relationship,
                "福井県越前市府中一丁目1番地", "吉田 健一", null, null, null, null);
    }

    private static String atenaOf(NotificationResult result, String name) {
        return result.records().stream().filter(r -> r.name().equals(name)).map(ResidentRecord::atenaNo).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + result.records()));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Page signIn(BrowserContext context, String user) {
        Page page = context.newPage();
        page.navigate(url("/login"));
        if (!java.nio.file.Files.exists(Chromium.SCREENS.resolve("01-login.png"))) {
            check(page, "01-login");
        }
        assertThat(page.locator("#username")).isFocused(); // autofocus: the clerk types at once
        page.keyboard().type(user);
        page.keyboard().press("Tab");
        page.keyboard().type(PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL(url("/"));
        return page;
    }

    /** Presses Tab until the focused element matches {@code js} (a predicate of {@code el}). */
    static void tabTo(Page page, String js) {
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            if (Boolean.TRUE.equals(page.evaluate("() => { const el = document.activeElement; return !!el && (" + js + "); }"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + js + " on " + page.url());
    }

    void check(Page page, String screen) {
        Chromium.accessibilityViolations(page).forEach(v -> violations.add(screen + ": " + v));
        Chromium.screenshot(page, screen);
    }

    @Test
    @Order(1)
    void clerkServesAHouseholdFromSearchToPrintedCopy_keyboardOnly() throws Exception {
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"))) {
            Page page = signIn(context, "counter-" + ECHIZEN);
            page.navigate(url("/municipalities/" + ECHIZEN + "/residents"));
            // 濁音 difference: the clerk types ヨシタ, the registry says ヨシダ (standard §2.1.3: 濁点 ignored).
            page.keyboard().type("よした けんいち");
            assertThat(page.locator("#result-table a", new Page.LocatorOptions().setHasText("吉田　健一"))).isVisible();
            assertThat(page.locator("#result-status")).containsText("1件");
            check(page, "02-search");
            tabTo(page, "el.textContent === '吉田　健一'");
            page.keyboard().press("Enter");
            page.waitForURL(url("/municipalities/" + ECHIZEN + "/residents/" + head));

            // The household in the standard order (§5.2): 世帯主, 妻, then the children by birth date.
            assertThat(page.locator("table.household tbody tr td:nth-child(2) a")).hasText(new String[] {
                    "吉田　健一", "吉田　美咲", "吉田　大輔", "吉田　彩"});
            assertThat(page.locator("table.household .badge.alert")).hasText("支援措置");
            assertThat(page.locator("table.household .badge.alert")).hasCSS("background-color", "rgb(176, 0, 32)");
            assertThat(page.locator("ol.timeline li").first()).containsText("国内転入");
            assertThat(page.locator("nav.actions")).containsText("転居届");
            assertThat(page.locator("nav.actions")).containsText("住民票の写しを交付");
            check(page, "03-resident");
            page.setViewportSize(820, 1180); // a tablet, portrait
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
            Chromium.screenshot(page, "03-resident-tablet");
            page.setViewportSize(1280, 800);

            // 転居 with the address from the postal code.
            tabTo(page, "el.textContent === '転居届'");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/notifications/new/MOVE_WITHIN.*"));
            tabTo(page, "el.id === 'postalCode'");
            page.keyboard().type("9150823");
            assertThat(page.locator("#address")).hasValue("福井県越前市本町");
            assertThat(page.locator("#postal-message")).containsText("郵便番号から住所を入力しました");
            tabTo(page, "el.id === 'address'");
            page.keyboard().press("End");
            page.keyboard().type("2番3号");
            tabTo(page, "el.id === 'supplement'");
            page.keyboard().type("本町ハイツ201");
            assertThat(page.locator("#errors")).containsText("入力内容に誤りは見つかりません");
            check(page, "04-move-within");
            tabTo(page, "el.textContent === '確認書を作成'");
            page.keyboard().press("Enter");

            // The confirmation sheet: what will be recorded, nothing recorded yet.
            page.waitForURL(Pattern.compile(".*/notifications/confirmation"));
            assertThat(page.locator("h1")).hasText("転居届 確認書");
            assertThat(page.locator("table.persons")).containsText("福井県越前市本町2番3号　本町ハイツ201");
            assertThat(page.locator("table.persons")).containsText("福井県越前市府中一丁目1番1号");
            assertThat(page.locator("table.persons tbody tr")).hasCount(4);
            check(page, "05-confirmation");
            tabTo(page, "el.id === 'commit'");
            page.keyboard().press("Enter");

            page.waitForURL(url("/municipalities/" + ECHIZEN + "/notifications"));
            assertThat(page.locator("h1")).hasText("転居届を記録しました");
            check(page, "06-done");
            tabTo(page, "el.textContent === '住民票の写しを交付する'");
            page.keyboard().press("Enter");

            // 住民票の写し: all members, 世帯主・続柄 requested, 本人等請求; preview, then issue.
            page.waitForURL(Pattern.compile(".*/certificates/new.*"));
            assertThat(page.locator("input[name=atenaNos]:checked")).hasCount(4);
            tabTo(page, "el.id === 'preview-button'");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/certificates/preview"));
            assertThat(page.locator(".preview-box")).containsText("300円");
            String previewUrl = page.locator("#preview-frame").getAttribute("src");
            String sample = pdfText(page, previewUrl);
            assertThat(sample).contains("見本").contains("福井県越前市本町2番3号").doesNotContain("検証コード");
            check(page, "07-certificate-preview");
            tabTo(page, "el.id === 'issue-button'");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/certificates/issue"));
            assertThat(page.locator("#fee")).hasText("300円");
            String issueNo = page.locator("#issue-no").textContent();
            assertThat(issueNo).matches("\\d{8} 越前市 窓口1 プリンタ001 \\d{3}");
            assertThat(page.locator("[data-print-frame]")).isVisible();
            String pdf = pdfText(page, page.locator("#pdf-link").getAttribute("href"));
            String flat = pdf.replaceAll("[\\s　]+", "");
            assertThat(flat).contains("住民票").contains("（世帯全員）").contains("吉田健一").contains("吉田美咲")
                    .contains("吉田大輔").contains("吉田彩").contains("福井県越前市本町2番3号本町ハイツ201")
                    .contains("この写しは、世帯全員の住民票の原本と相違ないことを証明する。")
                    .contains(issueNo.replace(" ", "") + "1/1").doesNotContain("見本");
            check(page, "08-certificate-issued");
        }
        assertThat(violations).isEmpty();
    }

    /** Fetches a PDF with the page's session and extracts its text (PDFBox). */
    private String pdfText(Page page, String path) throws Exception {
        APIResponse response = page.request().get(url(path));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    @Order(2)
    void aProtectedPersonBlocksAThirdPartyRequest() {
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signIn(context, "counter-" + ECHIZEN);
            page.navigate(url("/municipalities/" + ECHIZEN + "/certificates/new?form=RESIDENT_COPY_INDIVIDUAL&atenaNos=" + wife));
            page.getByLabel("第三者請求").check();
            page.getByLabel("請求者の氏名・名称（第三者・公用は必須）").fill("債権 回収");
            page.getByLabel("請求の目的（第三者・公用は必須）").fill("債権回収のため");
            page.locator("#preview-button").click();
            assertThat(page.locator("#problem")).containsText("支援措置");
            assertThat(page.locator("#problem")).isFocused();
            assertThat(page.locator("#preview-frame")).hasCount(0);
            check(page, "09-protected-refused");
            page.locator("#issue-button").click();
            assertThat(page.locator("#problem")).containsText("支援措置");
            assertThat(page.locator("#pdf-frame")).hasCount(0);
        }
        var refusals = TenantContext.callAs(ECHIZEN, LOADER, () -> audit.search(
                new AuditQuery(null, null, null, "certificate.refused", null, null, null, 10)));
        assertThat(refusals).extracting(r -> r.targetId()).contains(wife, wife);
        assertThat(refusals).hasSizeGreaterThanOrEqualTo(2);
        assertThat(violations).isEmpty();
    }

    @Test
    @Order(3)
    void aClerkCannotOpenAnotherMunicipalitysUrl() {
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signIn(context, "counter-" + ECHIZEN);
            Response other = page.navigate(url("/municipalities/" + SAKAI + "/residents/" + sakaiResident));
            assertThat(other.status()).isEqualTo(404);
            assertThat(page.locator("h1")).containsText("エラー");
            assertThat(page.content()).doesNotContain("吉田　坂井");
            // Under its own municipality's path the number is looked up in 越前市's registry only (row-level
            // security): numbers are per municipality, so it is someone else of 越前市 or nobody, never 坂井市's person.
            page.navigate(url("/municipalities/" + ECHIZEN + "/residents/" + sakaiResident));
            assertThat(page.content()).doesNotContain("吉田　坂井");
            // And 坂井市's search does not answer 越前市's clerk.
            Response search = page.navigate(url("/municipalities/" + SAKAI + "/residents/results?q=ヨシダ"));
            assertThat(search.status()).isEqualTo(404);
            // The clerk's own work lists still open (and are accessible).
            page.navigate(url("/municipalities/" + ECHIZEN + "/work-lists"));
            assertThat(page.locator("h1")).hasText("業務一覧");
            // 転入通知の未着: the person moved out 2026-10-01, 30 days and more ago; import errors are not the clerk's.
            assertThat(page.locator("#move-in-notices")).containsText("転入通知の未着");
            assertThat(page.locator("table[aria-labelledby=move-in-notices]")).containsText("山本　転出");
            assertThat(page.getByText("標準レイアウトの取込みの権限を持つ職員に表示されます。")).isVisible();
            assertThat(page.content()).doesNotContain("レイアウトの版「0.9」");
            check(page, "10-work-lists");

            // From the list to the person; the notice, received on paper, recorded by hand from the view.
            page.locator("table[aria-labelledby=move-in-notices] a", new Page.LocatorOptions().setHasText(movedOut)).click();
            page.waitForURL(url("/municipalities/" + ECHIZEN + "/residents/" + movedOut));
            assertThat(page.locator("#move-in-notice")).containsText("転入通知は未着です");
            page.getByLabel("転入日（通知に書かれた日）").fill("2026-09-30");
            page.getByLabel("転入先の住所").fill("福井県坂井市三国町中央二丁目2番2号");
            page.getByLabel("通知した市区町村の団体コード（6桁）").fill("182108");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("転入通知を記録")).click();
            // A code with a wrong check digit: said in Japanese on the same view, nothing recorded.
            assertThat(page.locator("#move-in-notice [role=alert]")).containsText("団体コード");
            page.getByLabel("通知した市区町村の団体コード（6桁）").fill(SAKAI);
            page.getByLabel("転入日（通知に書かれた日）").fill("2026-09-30");
            page.getByLabel("転入先の住所").fill("福井県坂井市三国町中央二丁目2番2号");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("転入通知を記録")).click();
            assertThat(page.locator("#move-in-notice [role=status]")).containsText("2026-09-30 で確定しました");
            assertThat(page.locator("#move-in-notice")).containsText("転出年月日（確定）");
            Chromium.accessibilityViolations(page).forEach(v -> violations.add("move-in-notice: " + v));
            page.navigate(url("/municipalities/" + ECHIZEN + "/work-lists"));
            assertThat(page.locator("table[aria-labelledby=move-in-notices]", new Page.LocatorOptions().setHasText("山本　転出")))
                    .hasCount(0);
        }
        try (BrowserContext context = chromium.browser.newContext()) {
            // Import staff (責任者) see the errors of the broken dry run, with their file, line and item.
            Page page = signIn(context, "counter-sv-" + ECHIZEN);
            page.navigate(url("/municipalities/" + ECHIZEN + "/work-lists"));
            assertThat(page.locator("h2", new Page.LocatorOptions().setHasText("取込みエラー"))).isVisible();
            assertThat(page.locator("table", new Page.LocatorOptions().setHasText("レイアウトの版「0.9」は取り込めません")))
                    .containsText("layoutVersion");
            assertThat(page.getByText("（CSV）").first()).isVisible();
            Chromium.accessibilityViolations(page).forEach(v -> violations.add("work-lists (import staff): " + v));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    @Order(4)
    void aMoveInStartsFromAMoveOutCertificateFile_andOffersTheFollowUps() {
        String csv = """
                氏名,氏名フリガナ,生年月日,性別,続柄,本籍,筆頭者,住所,方書,転出先住所,転出予定年月日
                髙橋 誠,タカハシ マコト,昭和60年6月6日,1,世帯主,石川県金沢市広坂一丁目1番地,髙橋 誠,石川県金沢市広坂一丁目2番3号,,福井県越前市府中一丁目,2026-11-20
                髙橋 﨑子,タカハシ サキコ,昭和62年7月7日,2,妻,石川県金沢市広坂一丁目1番地,髙橋 誠,石川県金沢市広坂一丁目2番3号,,福井県越前市府中一丁目,2026-11-20
                """;
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signIn(context, "counter-" + ECHIZEN);
            page.navigate(url("/municipalities/" + ECHIZEN + "/residents"));
            page.getByText("転入届を受け付ける").click();
            page.getByLabel("ファイル（転出証明書 CSV：標準データレイアウトの住民ファイル形式、またはオンライン申請の JSON）")
                    .setInputFiles(new com.microsoft.playwright.options.FilePayload("tenshutsu.csv", "text/csv",
                            csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            page.locator("#import-button").click();
            assertThat(page.locator("#imported")).containsText("2人を読み込みました");
            assertThat(page.locator("#p0-name")).hasValue("髙橋 誠");
            assertThat(page.locator("#p1-name")).hasValue("髙橋 﨑子");
            assertThat(page.locator("#previousAddress")).hasValue("石川県金沢市広坂一丁目2番3号");
            page.locator("#postalCode").fill("9150071");
            assertThat(page.locator("#address")).hasValue("福井県越前市府中");
            page.locator("#address").fill("福井県越前市府中二丁目5番5号");
            check(page, "11-move-in-import");
            page.locator("#confirm-button").click();
            assertThat(page.locator("table.persons tbody tr")).hasCount(2);
            assertThat(page.locator("table.persons")).containsText("福井県越前市府中二丁目5番5号");
            page.locator("#commit").click();
            assertThat(page.locator("h1")).hasText("国内転入届を記録しました");
            assertThat(page.locator("ul.follow-ups")).containsText("住民票の写しを交付する");
            // The tax module's follow-up (FollowUpContribution): a 転入's 年度 is taxed where the person lived on
            // 1 January (地方税法第318条); a clerk without a tax role sees it as a note, without a link.
            assertThat(page.locator("ul.follow-ups")).containsText("個人住民税");
            assertThat(page.locator("ul.follow-ups")).containsText("地方税法第318条");
            assertThat(page.locator("ul.follow-ups a[href*='/tax/']")).hasCount(0);
        }
        assertThat(violations).isEmpty();
    }

    @Test
    @Order(5)
    void aValueTheApiRefusesIsShownAsTheClerkTypes() {
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signIn(context, "counter-" + ECHIZEN);
            page.navigate(url("/municipalities/" + ECHIZEN + "/notifications/new/MOVE_WITHIN?atenaNo=" + head));
            page.locator("#effectiveDate").fill("令和8年2月30日");
            page.locator("#postalCode").fill("91508");
            assertThat(page.locator("#errors")).containsText("項目を確認してください");
            assertThat(page.locator("#errors")).hasAttribute("aria-live", "polite");
            check(page, "12-checked-as-typed");
            page.locator("#confirm-button").click();
            assertThat(page.locator("#problem")).isFocused();
            assertThat(page.locator("#problem")).containsText("入力内容に誤りがあります");
        }
        assertThat(violations).isEmpty();
    }
}
