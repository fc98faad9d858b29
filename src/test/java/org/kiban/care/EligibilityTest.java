package org.kiban.care;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 第1号被保険者 status kept from the registry with no clerk: 転入 at 65+, the 65th birthday by the daily job, 転出,
 * 死亡, 住所地特例 and 適用除外 (care_insurance.md §3).
 */
@KibanIntegrationTest
class EligibilityTest {

    static final String BASE = "/api/v1/municipalities/" + HINOHARA;

    @Autowired
    MockMvc mvc;

    private String moveIn(String name, String kana, LocalDate birth) throws Exception {
        String wareki = "昭和" + (birth.getYear() - 1925) + "年" + birth.getMonthValue() + "月" + birth.getDayOfMonth() + "日";
        return JsonPath.parse(notify("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","notifiedOn":"2026-04-01","acknowledgeWarnings":true,
                 "address":{"address":"東京都西多摩郡檜原村2717番地"},"previousAddress":{"address":"東京都八王子市"},
                 "persons":[{"name":"%s","nameKana":"%s","birthDate":"%s","sex":"MALE","relationship":"世帯主",
                   "permanentDomicile":"東京都八王子市"}]}""".formatted(name, kana, wareki))).read("$.records[0].atenaNo");
    }

    private String notify(String json) throws Exception {
        MockHttpServletResponse r = mvc.perform(post(BASE + "/notifications").with(as("hinohara-clerk"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return r.getContentAsString();
    }

    /** The status as the care clerk reads it, once the registry's event has been processed (it is asynchronous). */
    private DocumentContext insured(String atenaNo, int events) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            MockHttpServletResponse r = mvc.perform(get(BASE + "/care/insured/" + atenaNo).with(as("hinohara-care")))
                    .andReturn().getResponse();
            if (r.getStatus() == 200) {
                DocumentContext d = JsonPath.parse(r.getContentAsString());
                if (d.<List<?>>read("$.history").size() >= events) {
                    return d;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no care status with " + events + " events for " + atenaNo);
    }

    private int status(String atenaNo) throws Exception {
        return mvc.perform(get(BASE + "/care/insured/" + atenaNo).with(as("hinohara-care"))).andReturn().getResponse().getStatus();
    }

    private DocumentContext daily(String date) throws Exception {
        MockHttpServletResponse r = mvc.perform(post(BASE + "/care/daily-runs").with(as("hinohara-care"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"" + date + "\"}")).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return JsonPath.parse(r.getContentAsString());
    }

    @Test
    void moveInAt65PlusAcquiresOnTheDay_andADomesticMoveOutLosesOnTheDay() throws Exception {
        String a = moveIn("介護 一郎", "カイゴ イチロウ", LocalDate.of(1950, 5, 1));
        DocumentContext d = insured(a, 1);
        assertThat(d.<String>read("$.status")).isEqualTo("INSURED");
        assertThat(d.<String>read("$.eligibleFrom")).isEqualTo("2026-04-01");
        assertThat(d.<String>read("$.history[0].reason")).isEqualTo("MOVE_IN");
        assertThat(d.<String>read("$.insuredNo")).hasSize(10);
        // The 被保険者証 prints the number, the person and the insurer.
        MockHttpServletResponse card = mvc.perform(get(BASE + "/care/insured/" + a + "/card").with(as("hinohara-care")))
                .andReturn().getResponse();
        assertThat(card.getContentType()).isEqualTo("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(card.getContentAsByteArray())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("介護保険被保険者証", d.<String>read("$.insuredNo"), "介護　一郎", "檜原村");
        }

        notify("""
                {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"2026-06-30","notifiedOn":"2026-06-20","atenaNos":["%s"],
                 "destination":{"address":"東京都八王子市元本郷町三丁目24番1号"},"destinationLgCode":"132012"}""".formatted(a));
        DocumentContext out = insured(a, 2);
        assertThat(out.<String>read("$.status")).isEqualTo("LOST");
        assertThat(out.<String>read("$.eligibleUntil")).isEqualTo("2026-06-30");
        assertThat(out.<String>read("$.history[1].kind")).isEqualTo("LOST");
        assertThat(out.<String>read("$.history[0].kind")).isEqualTo("ACQUIRED");
    }

    @Test
    void deathAndAMoveAbroadLoseTheNextDay() throws Exception {
        String died = moveIn("介護 二郎", "カイゴ ジロウ", LocalDate.of(1940, 1, 10));
        String abroad = moveIn("介護 三郎", "カイゴ サブロウ", LocalDate.of(1945, 3, 3));
        insured(died, 1);
        insured(abroad, 1);
        notify("{\"type\":\"DEATH\",\"effectiveDate\":\"2026-05-05\",\"atenaNo\":\"%s\"}".formatted(died));
        notify("""
                {"type":"MOVE_OUT_ABROAD","effectiveDate":"2026-05-06","atenaNos":["%s"],"destination":{"address":"フランス共和国パリ市"}}"""
                .formatted(abroad));
        assertThat(insured(died, 2).<String>read("$.eligibleUntil")).isEqualTo("2026-05-06");
        assertThat(insured(abroad, 2).<String>read("$.eligibleUntil")).isEqualTo("2026-05-07");
    }

    @Test
    void theDailyJobInsuresOnTheDayBefore65_including29February() throws Exception {
        String june = moveIn("介護 四郎", "カイゴ シロウ", LocalDate.of(1961, 6, 15));
        String leap = moveIn("介護 五郎", "カイゴ ゴロウ", LocalDate.of(1964, 2, 29));
        // Under 65 at the move-in: nothing yet.
        Thread.sleep(500);
        assertThat(status(june)).isEqualTo(404);
        assertThat(daily("2026-06-13").<List<String>>read("$.atenaNos")).doesNotContain(june);
        assertThat(status(june)).isEqualTo(404);
        assertThat(daily("2026-06-14").<List<String>>read("$.atenaNos")).contains(june).doesNotContain(leap);
        DocumentContext d = insured(june, 1);
        assertThat(d.<String>read("$.eligibleFrom")).isEqualTo("2026-06-14");
        assertThat(d.<String>read("$.history[0].reason")).isEqualTo("AGE_65");
        // A second run the same day changes nothing.
        assertThat(daily("2026-06-14").<List<String>>read("$.atenaNos")).doesNotContain(june);

        assertThat(daily("2029-02-27").<List<String>>read("$.atenaNos")).doesNotContain(leap);
        assertThat(daily("2029-02-28").<List<String>>read("$.atenaNos")).contains(leap);
        assertThat(insured(leap, 1).<String>read("$.eligibleFrom")).isEqualTo("2029-02-28");
    }

    @Test
    void addressExceptionKeepsAPersonInsuredAfterMovingIntoAFacilityElsewhere_law13() throws Exception {
        String a = moveIn("介護 六郎", "カイゴ ロクロウ", LocalDate.of(1942, 8, 8));
        insured(a, 1);
        String body = "{\"kind\":\"ADDRESS_EXCEPTION\",\"facilityName\":\"八王子ホーム\",\"facilityKind\":\"%s\",\"from\":\"2026-07-01\"}";
        // A group home is 地域密着型: no 住所地特例.
        assertThat(mvc.perform(post(BASE + "/care/insured/" + a + "/special-statuses").with(as("hinohara-care"))
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted("GROUP_HOME")))
                .andReturn().getResponse().getStatus()).isEqualTo(409);
        assertThat(mvc.perform(post(BASE + "/care/insured/" + a + "/special-statuses").with(as("hinohara-care"))
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted("SPECIAL_NURSING_HOME")))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        notify("""
                {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"2026-07-01","notifiedOn":"2026-06-25","atenaNos":["%s"],
                 "destination":{"address":"東京都八王子市元本郷町三丁目24番1号"},"destinationLgCode":"132012"}""".formatted(a));
        DocumentContext d = insured(a, 2);
        assertThat(d.<String>read("$.status")).isEqualTo("INSURED");
        assertThat(d.<Boolean>read("$.addressException")).isTrue();
        assertThat(d.<String>read("$.history[1].kind")).isEqualTo("ADDRESS_EXCEPTION");
    }

    @Test
    void enteringAnExcludedFacilityLosesTheNextDay_andLeavingAcquires() throws Exception {
        String a = moveIn("介護 七郎", "カイゴ シチロウ", LocalDate.of(1944, 10, 10));
        insured(a, 1);
        MockHttpServletResponse r = mvc.perform(post(BASE + "/care/insured/" + a + "/special-statuses").with(as("hinohara-care"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"EXCLUDED_FACILITY\",\"facilityName\":\"障害者支援施設\",\"facilityKind\":\"EXCLUDED\",\"from\":\"2026-05-10\"}"))
                .andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        int seq = JsonPath.read(r.getContentAsString(), "$.seq");
        DocumentContext lost = insured(a, 2);
        assertThat(lost.<String>read("$.status")).isEqualTo("LOST");
        assertThat(lost.<String>read("$.eligibleUntil")).isEqualTo("2026-05-11");
        // While inside, the daily job leaves the person alone.
        assertThat(daily("2026-06-01").<List<String>>read("$.atenaNos")).doesNotContain(a);
        mvc.perform(post(BASE + "/care/insured/" + a + "/special-statuses/" + seq + "/end").with(as("hinohara-care"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"until\":\"2026-08-01\"}"));
        DocumentContext back = insured(a, 3);
        assertThat(back.<String>read("$.status")).isEqualTo("INSURED");
        assertThat(back.<String>read("$.eligibleFrom")).isEqualTo("2026-08-01");
        assertThat(back.<String>read("$.history[2].reason")).isEqualTo("EXCLUDED_FACILITY_EXIT");
    }
}
