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
