package org.kiban.tax;

import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The annual assessment of 檜原村 (令和8年度): a household registered on the 賦課期日, a 給与支払報告書 for the head, a
 * 申告 for the wife, the run, a 更正, and the events. Expected amounts are the law applied by hand [D].
 */
@KibanIntegrationTest
@RecordApplicationEvents
class AssessmentTest {

    private static final String BASE = "/api/v1/municipalities/" + HINOHARA + "/tax/resident-tax";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEvents events;

    private String[] moveInBefore1January() throws Exception {
        String body = mvc.perform(post("/api/v1/municipalities/" + HINOHARA + "/notifications").with(as("hinohara-clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2025-12-01","notifiedOn":"2025-12-05",
                                 "acknowledgeWarnings":true,
                                 "address":{"address":"東京都西多摩郡檜原村901番地"},
                                 "previousAddress":{"address":"東京都八王子市元本郷町三丁目24番1号"},
                                 "persons":[
                                  {"name":"税田 太郎","nameKana":"ゼイタ タロウ","birthDate":"1980-06-15","sex":"MALE","relationship":"世帯主","permanentDomicile":"なし"},
                                  {"name":"税田 花子","nameKana":"ゼイタ ハナコ","birthDate":"1982-09-20","sex":"FEMALE","relationship":"妻","permanentDomicile":"なし"},
                                  {"name":"税田 一郎","nameKana":"ゼイタ イチロウ","birthDate":"2008-04-10","sex":"MALE","relationship":"子","permanentDomicile":"なし"}]}
                                """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        DocumentContext doc = JsonPath.parse(body);
        String[] atena = new String[3];
        String[] names = {"税田　太郎", "税田　花子", "税田　一郎"};
        for (int i = 0; i < 3; i++) {
            List<String> found = doc.read("$.records[?(@.name == '" + names[i] + "')].atenaNo");
            atena[i] = found.get(0);
        }
        return atena;
    }

    @Test
    void assessTheHouseholdThenCorrectTheWife() throws Exception {
        String[] p = moveInBefore1January();
        String head = p[0];
        String wife = p[1];
        String child = p[2];

        String csv = """
                宛名番号,支払者番号,支払者名称,支払金額,社会保険料等の金額,新生命保険料の金額,配偶者の生年月日,配偶者の合計所得,扶養親族,普通徴収
                %s,E0001,"檜原工業株式会社",5000000,700000,90000,1982-09-20,0,2008-04-10:0,
                """.formatted(head);
        mvc.perform(post(BASE + "/income-reports").param("taxYear", "2026").param("kind", "SALARY")
                        .with(as("hinohara-tax")).contentType("text/csv").content(csv))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.imported").value(1));
        mvc.perform(post(BASE + "/returns/2026/" + wife).with(as("hinohara-tax")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"income\":{\"businessIncome\":1000000}}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.revision").value(1));

        mvc.perform(post(BASE + "/assessment-runs").param("taxYear", "2026").with(as("hinohara-tax")))
                .andExpect(status().isOk());

        // 給与所得 3,560,000 − 控除 (700,000 + 28,000 + 配偶者 330,000 + 扶養 330,000 + 基礎 430,000) = 1,742,000;
        // 市 104,520 − 調整控除 4,500 → 100,000; 県 69,680 − 3,000 → 66,600; + 3,000 + 1,000 + 1,000 = 171,600 = 14,300 × 12
        mvc.perform(get(BASE + "/assessments/2026/" + head).with(as("hinohara-tax")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value(1))
                .andExpect(jsonPath("$[0].reason").value("当初賦課"))
                .andExpect(jsonPath("$[0].ruleVersion").value("FY2026.1"))
                .andExpect(jsonPath("$[0].result.taxableIncome").value(1_742_000))
                .andExpect(jsonPath("$[0].result.cityIncomeLevy").value(100_000))
                .andExpect(jsonPath("$[0].result.prefIncomeLevy").value(66_600))
                .andExpect(jsonPath("$[0].result.annualTotal").value(171_600))
                .andExpect(jsonPath("$[0].collection").value("SPECIAL"))
                .andExpect(jsonPath("$[0].payerNo").value("E0001"))
                .andExpect(jsonPath("$[0].installments.length()").value(12))
                .andExpect(jsonPath("$[0].installments[0]").value(14_300));
        // 事業所得 1,000,000 − 基礎 430,000 = 570,000: 市 34,200 − 1,500, 県 22,800 − 1,000 → 32,700 + 21,800 + 5,000
        // = 59,500 → 普通徴収 17,500 + 14,000 × 3
        mvc.perform(get(BASE + "/assessments/2026/" + wife).with(as("hinohara-tax")))
                .andExpect(jsonPath("$[0].result.annualTotal").value(59_500))
                .andExpect(jsonPath("$[0].collection").value("ORDINARY"))
                .andExpect(jsonPath("$[0].installments[0]").value(17_500))
                .andExpect(jsonPath("$[0].installments[3]").value(14_000));
        mvc.perform(get(BASE + "/assessments/2026/" + child).with(as("hinohara-tax")))
                .andExpect(jsonPath("$[0].result.exemption").value("ALL"))
                .andExpect(jsonPath("$[0].collection").value("NONE"));

        // the annual run publishes its results in chunks; none person by person
        assertThat(events.stream(ResidentTaxAssessed.class)).isEmpty();
        List<ResidentTaxAssessed> run = events.stream(ResidentTaxAssessedInBulk.class)
                .flatMap(b -> b.each().stream()).toList();
        assertThat(run.stream().filter(e -> e.atenaNo().equals(head)))
                .singleElement().satisfies(e -> {
                    assertThat(e.incomeLevyLevied()).isTrue();
                    assertThat(e.totalIncome()).isEqualTo(3_560_000);
                    assertThat(e.version()).isEqualTo(1);
                    assertThat(e.reason()).isEqualTo("当初賦課");
                    assertThat(e.lgCode()).isEqualTo(HINOHARA);
                });
        assertThat(run.stream().filter(e -> e.atenaNo().equals(child)))
                .singleElement().satisfies(e -> assertThat(e.taxed()).isFalse());

        // 更正: a revised 申告 (事業所得 1,200,000) and the correction appends version 2 with its reason
        mvc.perform(post(BASE + "/returns/2026/" + wife).with(as("hinohara-tax")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"income\":{\"businessIncome\":1200000}}"))
                .andExpect(jsonPath("$.revision").value(2));
        mvc.perform(post(BASE + "/assessments/2026/" + wife + "/corrections").with(as("hinohara-tax"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"修正申告による更正\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(get(BASE + "/assessments/2026/" + wife).with(as("hinohara-tax")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].result.annualTotal").value(59_500))
                .andExpect(jsonPath("$[1].reason").value("修正申告による更正"))
                // 770,000: 市 46,200 − 1,500 = 44,700; 県 30,800 − 1,000 = 29,800; + 5,000 = 79,500
                .andExpect(jsonPath("$[1].result.annualTotal").value(79_500));
        // a 更正 is published person by person
        assertThat(events.stream(ResidentTaxAssessed.class)).singleElement().satisfies(e -> {
            assertThat(e.atenaNo()).isEqualTo(wife);
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.reason()).isEqualTo("修正申告による更正");
            assertThat(e.totalIncome()).isEqualTo(1_200_000); // 事業所得 (合計所得金額)
        });

        // notices: the employee's and the employer's 特別徴収税額決定通知書, the wife's 納税通知書 (latest version)
        assertThat(pdfText(BASE + "/notices/2026/" + head)).contains("特別徴収税額決定通知書（納税義務者用）", "税田　太郎",
                "171,600", "14,300", "E0001");
        assertThat(pdfText(BASE + "/notices/2026/" + wife)).contains("納税通知書", "税田　花子", "79,500", "第1期");
        assertThat(pdfText(BASE + "/employer-notices/2026/E0001")).contains("特別徴収義務者用", "税田　太郎", "合計（1人）",
                "171,600");

        // a second run assesses nobody twice
        mvc.perform(post(BASE + "/assessment-runs").param("taxYear", "2026").with(as("hinohara-tax")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.assessed").value(0));
    }

    /**
     * 公的年金等からの特別徴収 over two 年度, amounts worked by hand from the law [D]. The head (65 on 1 April 2025) has
     * only pensions: 令和7年度 2,100,000円, 令和8年度 2,400,000円, 社会保険料 45,000円, single. First 年度 (令和7年度): June and August 普通徴収 a quarter each, October to February
     * the rest in three (桑折町 https://www.town.koori.fukushima.jp/soshiki/2/2463.html; fraction in October, 輪之内町
     * http://town.wanouchi.gifu.jp/living/tax/tyoukenminzei_tokubetsu_tyosyu/); the next 年度: 仮徴収 half the previous
     * amount in three, 本徴収 the rest (富加町 https://www.town.tomika.gifu.jp/docs/405.html). Amounts in hundreds,
     * fractions in April and October [D]. The wife (68) has a pension and 事業所得: only the pension's share of 所得割
     * (京丹後市's difference method) and the 均等割 are withheld, the rest is 普通徴収.
     */
    @Test
    void pensionWithholding_firstYearThenContinuing_andThePensionShareOnly() throws Exception {
        String body = mvc.perform(post("/api/v1/municipalities/" + HINOHARA + "/notifications").with(as("hinohara-clerk"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2024-12-01","notifiedOn":"2024-12-05",
                                 "acknowledgeWarnings":true,
                                 "address":{"address":"東京都西多摩郡檜原村902番地"},
                                 "previousAddress":{"address":"奈良県吉野郡大淀町桧垣本2090番地"},
                                 "persons":[
                                  {"name":"年金 一郎","nameKana":"ネンキン イチロウ","birthDate":"1959-06-15","sex":"MALE","relationship":"世帯主","permanentDomicile":"なし"},
                                  {"name":"年金 和子","nameKana":"ネンキン カズコ","birthDate":"1958-02-20","sex":"FEMALE","relationship":"妻","permanentDomicile":"なし"}]}
                                """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        DocumentContext doc = JsonPath.parse(body);
        String head = doc.<List<String>>read("$.records[?(@.name == '年金　一郎')].atenaNo").get(0);
        String wife = doc.<List<String>>read("$.records[?(@.name == '年金　和子')].atenaNo").get(0);
        String csv = """
                宛名番号,支払者番号,支払者名称,支払金額,社会保険料等の金額
                %s,P0001,"日本年金機構",%d,45000
                """;
        mvc.perform(post(BASE + "/income-reports").param("taxYear", "2025").param("kind", "PENSION")
                        .with(as("hinohara-tax")).contentType("text/csv").content(csv.formatted(head, 2_100_000)))
                .andExpect(status().isCreated());
        mvc.perform(post(BASE + "/income-reports").param("taxYear", "2026").param("kind", "PENSION")
                        .with(as("hinohara-tax")).contentType("text/csv").content(csv.formatted(head, 2_400_000)))
                .andExpect(status().isCreated());
        mvc.perform(post(BASE + "/returns/2026/" + wife).with(as("hinohara-tax")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"income\":{\"pensionRevenue\":1500000,\"businessIncome\":1000000}}"))
                .andExpect(status().isCreated());

        mvc.perform(post(BASE + "/assessment-runs").param("taxYear", "2025").with(as("hinohara-tax")))
                .andExpect(status().isOk());
        // 年金所得 2,100,000 − 1,100,000 = 1,000,000; − 社会保険料 45,000 − 基礎 430,000 = 525,000;
        // 市 31,500 − 調整控除 1,500 = 30,000; 都 21,000 − 1,000 = 20,000; + 均等割 4,000 + 森林環境税 1,000 = 55,000
        mvc.perform(get(BASE + "/assessments/2025/" + head).with(as("hinohara-tax")))
                .andExpect(jsonPath("$[0].result.taxableIncome").value(525_000))
                .andExpect(jsonPath("$[0].result.cityIncomeLevy").value(30_000))
                .andExpect(jsonPath("$[0].result.prefIncomeLevy").value(20_000))
                .andExpect(jsonPath("$[0].result.annualTotal").value(55_000))
                .andExpect(jsonPath("$[0].collection").value("NONE"))
                .andExpect(jsonPath("$[0].pension.firstYear").value(true))
                .andExpect(jsonPath("$[0].pension.annual").value(55_000))
                // 55,000 ÷ 4 = 13,750 → 13,700 in June and August; 27,600 ÷ 3 = 9,200
                .andExpect(jsonPath("$[0].pension.amounts").value(org.hamcrest.Matchers.contains(0, 13_700, 13_700,
                        9_200, 9_200, 9_200)));

        mvc.perform(post(BASE + "/assessment-runs").param("taxYear", "2026").with(as("hinohara-tax")))
                .andExpect(status().isOk());
        // 令和8年度: 1,300,000 − 475,000 = 825,000: 市 49,500 − 1,500, 都 33,000 − 1,000 → 80,000 + 5,000 = 85,000;
        // 仮徴収 55,000 ÷ 2 = 27,500: 9,100 × 2 and 9,300 in April; 本徴収 57,500: 19,100 × 2 and 19,300 in October
        mvc.perform(get(BASE + "/assessments/2026/" + head).with(as("hinohara-tax")))
                .andExpect(jsonPath("$[0].result.annualTotal").value(85_000))
                .andExpect(jsonPath("$[0].pension.firstYear").value(false))
                .andExpect(jsonPath("$[0].pension.annual").value(85_000))
                .andExpect(jsonPath("$[0].pension.amounts").value(org.hamcrest.Matchers.contains(9_300, 9_100, 9_100,
                        19_300, 19_100, 19_100)))
                .andExpect(jsonPath("$[0].collection").value("NONE"));
        // wife: 年金所得 400,000 + 事業所得 1,000,000 − 基礎 430,000 = 970,000: 市 58,200 − 1,500, 都 38,800 − 1,000;
        // without the pension 570,000: 市 32,700, 都 21,800 → pension share 40,000 + 均等割等 5,000 = 45,000;
        // the rest 54,500 by 普通徴収 (15,500 + 13,000 × 3); first year: 11,200 × 2, then 7,600 + 7,500 × 2
        mvc.perform(get(BASE + "/assessments/2026/" + wife).with(as("hinohara-tax")))
                .andExpect(jsonPath("$[0].result.annualTotal").value(99_500))
                .andExpect(jsonPath("$[0].pension.annual").value(45_000))
                .andExpect(jsonPath("$[0].pension.amounts").value(org.hamcrest.Matchers.contains(0, 11_200, 11_200,
                        7_600, 7_500, 7_500)))
                .andExpect(jsonPath("$[0].collection").value("ORDINARY"))
                .andExpect(jsonPath("$[0].installments").value(org.hamcrest.Matchers.contains(15_500, 13_000, 13_000,
                        13_000)));

        assertThat(pdfText(BASE + "/notices/2026/" + head)).contains("公的年金等からの特別徴収", "85,000", "19,300",
                "仮徴収");
        assertThat(pdfText(BASE + "/notices/2026/" + wife)).contains("公的年金等からの特別徴収", "45,000", "11,200",
                "第1期", "15,500");
        mvc.perform(get("/municipalities/" + HINOHARA + "/tax/residents/" + head).param("year", "2026")
                        .session(org.kiban.TestAccounts.signIn(mvc, "hinohara-tax")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("公的年金等からの特別徴収"),
                                org.hamcrest.Matchers.containsString("19,300円"))));
    }

    private String pdfText(String url) throws Exception {
        byte[] pdf = mvc.perform(get(url).with(as("hinohara-tax"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aBadLineRefusesTheWholeFile_namingLineAndItem() throws Exception {
        String csv = """
                宛名番号,支払者番号,支払者名称,支払金額
                123,E1,会社,100000
                124,E1,会社,十万
                """;
        mvc.perform(post(BASE + "/income-reports").param("taxYear", "2026").param("kind", "SALARY")
                        .with(as("hinohara-tax")).contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.line").value(3))
                .andExpect(jsonPath("$.field").value("支払金額"));
        mvc.perform(post(BASE + "/income-reports").param("taxYear", "2026").param("kind", "SALARY")
                        .with(as("hinohara-clerk")).contentType("text/csv").content(csv))
                .andExpect(status().isForbidden());
    }
}
