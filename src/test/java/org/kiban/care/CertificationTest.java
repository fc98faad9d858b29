package org.kiban.care;

import java.util.List;
import java.util.Map;

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

/** The 要介護認定 workflow: the 30-day deadline, 延期通知, validity, renewal reminders, 受給資格証明書 on 転出. */
@KibanIntegrationTest
class CertificationTest {

    static final String BASE = "/api/v1/municipalities/" + HINOHARA;

    @Autowired
    MockMvc mvc;

    private MockHttpServletResponse post(String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(BASE + path)
                .with(as(path.endsWith("notifications") ? "hinohara-clerk" : "hinohara-care"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
    }

    private DocumentContext ok(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isBetween(200, 201);
        return JsonPath.parse(r.getContentAsString());
    }

    private DocumentContext step(long caseNo, String json) throws Exception {
        return ok(post("/care/certifications/" + caseNo + "/steps", json));
    }

    private List<Map<String, Object>> work(String list, String date, long caseNo) throws Exception {
        String body = mvc.perform(get(BASE + "/care/work-list").param("date", date).with(as("hinohara-care")))
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> items = JsonPath.read(body, "$." + list);
        return items.stream().filter(i -> ((Number) i.get("caseNo")).longValue() == caseNo).toList();
    }

    @Test
    void applicationToNoticeWithADelay_thenRenewal_thenMoveOut() throws Exception {
        String atena = ok(post("/notifications", """
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","notifiedOn":"2026-04-01","acknowledgeWarnings":true,
                 "address":{"address":"東京都西多摩郡檜原村3000番地"},"previousAddress":{"address":"東京都八王子市"},
                 "persons":[{"name":"認定 八郎","nameKana":"ニンテイ ハチロウ","birthDate":"昭和20年9月9日","sex":"MALE",
                   "relationship":"世帯主","permanentDomicile":"東京都八王子市"}]}""")).read("$.records[0].atenaNo");
        for (int i = 0; i < 100 && mvc.perform(get(BASE + "/care/insured/" + atena).with(as("hinohara-care")))
                .andReturn().getResponse().getStatus() != 200; i++) {
            Thread.sleep(100);
        }
        DocumentContext c = ok(post("/care/certifications", "{\"atenaNo\":\"%s\",\"kind\":\"NEW\",\"appliedOn\":\"2026-05-15\"}".formatted(atena)));
        long caseNo = ((Number) c.read("$.caseNo")).longValue();
        assertThat(c.<String>read("$.deadlineOn")).isEqualTo("2026-06-14");
        assertThat(post("/care/certifications", "{\"atenaNo\":\"%s\",\"kind\":\"NEW\",\"appliedOn\":\"2026-05-16\"}".formatted(atena))
                .getStatus()).isEqualTo(409);

        // Nothing is due before the deadline; on the 30th day survey and opinion are due; the next day overdue,
        // with a 延期通知 to send.
        assertThat(work("dueToday", "2026-06-01", caseNo)).isEmpty();
        assertThat(work("dueToday", "2026-06-14", caseNo)).extracting(i -> i.get("workflowRole")).contains("SURVEY", "OPINION");
        assertThat(work("overdue", "2026-06-15", caseNo)).extracting(i -> i.get("task")).contains("認定調査", "延期通知");
        assertThat(post("/care/certifications/" + caseNo + "/steps",
                "{\"step\":\"POSTPONED\",\"on\":\"2026-06-12\",\"expectedBy\":\"2026-06-10\",\"reason\":\"意見書未着\"}").getStatus())
                .isEqualTo(400);
        step(caseNo, "{\"step\":\"POSTPONED\",\"on\":\"2026-06-12\",\"expectedBy\":\"2026-07-10\",\"reason\":\"主治医意見書が未着のため\"}");
        assertThat(work("overdue", "2026-06-15", caseNo)).isEmpty();

        assertThat(post("/care/certifications/" + caseNo + "/steps", "{\"step\":\"PRIMARY_JUDGED\",\"on\":\"2026-06-20\",\"level\":\"CARE_1\"}")
                .getStatus()).isEqualTo(409);
        step(caseNo, "{\"step\":\"OPINION_RECEIVED\",\"on\":\"2026-06-20\"}");
        step(caseNo, "{\"step\":\"SURVEYED\",\"on\":\"2026-06-01\"}");
        step(caseNo, "{\"step\":\"PRIMARY_JUDGED\",\"on\":\"2026-06-22\",\"level\":\"CARE_1\"}");
        step(caseNo, "{\"step\":\"BOARD_REVIEWED\",\"on\":\"2026-07-02\",\"level\":\"CARE_2\"}");
        MockHttpServletResponse tooLong = post("/care/certifications/" + caseNo + "/steps",
                "{\"step\":\"DECIDED\",\"on\":\"2026-07-03\",\"validityMonths\":13}");
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(tooLong.getContentAsString(), "$.field")).isEqualTo("validityMonths");
        DocumentContext decided = step(caseNo, "{\"step\":\"DECIDED\",\"on\":\"2026-07-03\"}");
        assertThat(decided.<String>read("$.validFrom")).isEqualTo("2026-05-15");
        assertThat(decided.<String>read("$.validUntil")).isEqualTo("2026-11-30");
        assertThat(decided.<Integer>read("$.benefitLimitUnits")).isEqualTo(19_705);
        DocumentContext notified = step(caseNo, "{\"step\":\"NOTIFIED\",\"on\":\"2026-07-04\"}");
        assertThat(notified.<List<String>>read("$.steps[*].step")).containsExactly("APPLIED", "POSTPONED", "OPINION_RECEIVED", "SURVEYED", "PRIMARY_JUDGED", "BOARD_REVIEWED", "DECIDED", "NOTIFIED");

        // Renewal: accepted from 60 days before the end (2026-10-01); reminded until then.
        assertThat(post("/care/certifications", "{\"atenaNo\":\"%s\",\"kind\":\"RENEWAL\",\"appliedOn\":\"2026-09-30\"}".formatted(atena))
                .getStatus()).isEqualTo(409);
        assertThat(work("dueToday", "2026-10-05", caseNo)).extracting(i -> (String) i.get("task"))
                .anyMatch(t -> t.startsWith("更新申請の勧奨"));
        long renewal = ((Number) ok(post("/care/certifications",
                "{\"atenaNo\":\"%s\",\"kind\":\"RENEWAL\",\"appliedOn\":\"2026-10-05\"}".formatted(atena))).read("$.caseNo")).longValue();
        assertThat(work("dueToday", "2026-10-06", caseNo)).isEmpty();
        step(renewal, "{\"step\":\"SURVEYED\",\"on\":\"2026-10-10\"}");
        step(renewal, "{\"step\":\"OPINION_RECEIVED\",\"on\":\"2026-10-12\"}");
        step(renewal, "{\"step\":\"PRIMARY_JUDGED\",\"on\":\"2026-10-20\",\"level\":\"CARE_2\"}");
        step(renewal, "{\"step\":\"BOARD_REVIEWED\",\"on\":\"2026-10-28\",\"level\":\"CARE_2\"}");
        // Same level as before: up to 48 months.
        DocumentContext renewed = step(renewal, "{\"step\":\"DECIDED\",\"on\":\"2026-10-29\",\"validityMonths\":48}");
        assertThat(renewed.<String>read("$.validFrom")).isEqualTo("2026-12-01");
        assertThat(renewed.<String>read("$.validUntil")).isEqualTo("2030-11-30");
        step(renewal, "{\"step\":\"NOTIFIED\",\"on\":\"2026-10-30\"}");

        // 転出: the certified person gets a 受給資格証明書, listed until it is issued.
        ok(post("/notifications", """
                {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"2026-12-10","notifiedOn":"2026-11-28","atenaNos":["%s"],
                 "destination":{"address":"東京都八王子市元本郷町三丁目24番1号"},"destinationLgCode":"132012"}""".formatted(atena)));
        List<Map<String, Object>> due = List.of();
        for (int i = 0; i < 100 && due.isEmpty(); i++) {
            Thread.sleep(100);
            due = work("dueToday", "2026-12-11", renewal);
        }
        assertThat(due).extracting(i -> i.get("task")).contains("受給資格証明書の交付（転出）");
        MockHttpServletResponse pdf = mvc.perform(get(BASE + "/care/insured/" + atena + "/eligibility-certificate")
                .with(as("hinohara-care"))).andReturn().getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.getContentAsByteArray())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .contains("介護保険受給資格証明書", "要介護2", "令和8年12月1日から令和12年11月30日まで", "19,705");
        }
        assertThat(work("dueToday", "2026-12-11", renewal)).isEmpty();
    }
}
