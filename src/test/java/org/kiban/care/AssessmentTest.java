package org.kiban.care;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.tax.ResidentTaxAssessed;
import org.kiban.tax.ResidentTaxAssessedInBulk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The yearly assessment from the tax module's results and the household on 1 April, collection by pension or by
 * installments, and recalculations appended with their reason. Amounts: 鯖江市 runs on the standard here (基準額
 * 月額 6,225円 × 12 = 74,700円, 1円未満切捨て), so stage 5 is 74,700, stage 4 × 0.9, stage 3 × 0.685, stage 1 × 0.285.
 */
@KibanIntegrationTest
class AssessmentTest {

    static final String BASE = "/api/v1/municipalities/" + SABAE;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    private DocumentContext notify(String json) throws Exception {
        MockHttpServletResponse r = mvc.perform(post(BASE + "/notifications").with(as("sabae-clerk"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        return JsonPath.parse(r.getContentAsString());
    }

    private void taxResult(String atenaNo, int version, boolean taxed, long total, long pensionRevenue, long pensionIncome)
            throws InterruptedException {
        TenantContext.runAs(SABAE, Actor.system("tax-simulated"), () -> tx.executeWithoutResult(s ->
                events.publishEvent(new ResidentTaxAssessed(SABAE, 2026, atenaNo, version, taxed, taxed, total,
                        pensionRevenue, pensionIncome, version == 1 ? "当初賦課" : "更正"))));
        for (int i = 0; i < 100 && count("select count(*) from care_tax_result where lg_code = ? and atena_no = ? and version = ?",
                atenaNo, version) == 0; i++) {
            Thread.sleep(100);
        }
    }

    private void taxResults(ResidentTaxAssessedInBulk bulk) throws InterruptedException {
        TenantContext.runAs(SABAE, Actor.system("tax-simulated"), () -> tx.executeWithoutResult(s ->
                events.publishEvent(bulk)));
        String last = bulk.assessments().get(bulk.assessments().size() - 1).atenaNo();
        for (int i = 0; i < 100 && count("select count(*) from care_tax_result where lg_code = ? and tax_year = ? "
                + "and atena_no = ?", bulk.taxYear(), last) == 0; i++) {
            Thread.sleep(100);
        }
    }

    /** {@code sql} starts with {@code lg_code = ?}, bound here. */
    private int count(String sql, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = SABAE;
        System.arraycopy(params, 0, all, 1, params.length);
        return TenantContext.callAs(SABAE, Actor.system("test"), () -> tx.execute(s ->
                jdbc.sql(sql).params(all).query(Integer.class).single()));
    }

    private List<Map<String, Object>> versions(String atenaNo) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(BASE + "/care/premium-assessments/2026/" + atenaNo).with(as("sabae-care")))
                .andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return JsonPath.read(r.getContentAsString(), "$");
    }

    private List<Map<String, Object>> awaitVersions(String atenaNo, int n) throws Exception {
        for (int i = 0; i < 100; i++) {
            List<Map<String, Object>> v = versions(atenaNo);
            if (v.size() >= n) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(atenaNo + " has fewer than " + n + " versions");
    }

    private static long sum(Map<String, Object> assessment) {
        List<Map<String, Object>> plan = (List<Map<String, Object>>) assessment.get("installments");
        return plan.stream().mapToLong(i -> ((Number) i.get("amount")).longValue()).sum();
    }

    private static long annual(Map<String, Object> a) {
        return ((Number) a.get("annualPremium")).longValue();
    }

    @Test
    void yearlyAssessmentFromTaxResults_thenAnIncomeCorrectionAndADeathAreAppended() throws Exception {
        DocumentContext in = notify("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-03-20","notifiedOn":"2026-03-20","acknowledgeWarnings":true,
                 "address":{"address":"福井県鯖江市西山町13番1号"},"previousAddress":{"address":"福井県福井市"},
                 "persons":[
                  {"name":"保険 太郎","nameKana":"ホケン タロウ","birthDate":"昭和26年5月1日","sex":"MALE","relationship":"世帯主","permanentDomicile":"福井県福井市"},
                  {"name":"保険 花子","nameKana":"ホケン ハナコ","birthDate":"昭和28年7月7日","sex":"FEMALE","relationship":"妻","permanentDomicile":"福井県福井市"},
                  {"name":"保険 次郎","nameKana":"ホケン ジロウ","birthDate":"昭和61年1月1日","sex":"MALE","relationship":"子","permanentDomicile":"福井県福井市"}]}""");
        String husband = in.read("$.records[0].atenaNo");
        String wife = in.read("$.records[1].atenaNo");
        String son = in.read("$.records[2].atenaNo");
        for (int i = 0; i < 100 && count("select count(*) from care_insured where lg_code = ? and atena_no in (?, ?)", husband, wife) < 2; i++) {
            Thread.sleep(100);
        }
        // 令和8年度 市町村民税: the husband's pension 200万円 (所得 90万円) is not taxed; the son is.
        // (the tax module's annual run publishes them in chunks)
        taxResults(new ResidentTaxAssessedInBulk(SABAE, 2026, "当初賦課", List.of(
                new ResidentTaxAssessedInBulk.Entry(husband, 1, false, false, 900_000, 2_000_000, 900_000),
                new ResidentTaxAssessedInBulk.Entry(wife, 1, false, false, 0, 0, 0),
                new ResidentTaxAssessedInBulk.Entry(son, 1, true, true, 3_000_000, 0, 0))));

        MockHttpServletResponse run = mvc.perform(post(BASE + "/care/premium-assessments").with(as("sabae-care"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"fiscalYear\": 2026}")).andReturn().getResponse();
        assertThat(run.getStatus()).as(run.getContentAsString()).isEqualTo(200);

        // 本人非課税・世帯に課税者: 判定額 200万円 > T1 → 第5段階; the wife's 0 → 第4段階.
        Map<String, Object> h = versions(husband).get(0);
        assertThat(h.get("stage")).isEqualTo(5);
        assertThat(annual(h)).isEqualTo(74_700);
        assertThat(h.get("collection")).isEqualTo("SPECIAL");
        assertThat(sum(h)).isEqualTo(74_700);
        List<Map<String, Object>> plan = (List<Map<String, Object>>) h.get("installments");
        assertThat(plan).extracting(p -> p.get("month")).containsExactly("2026-04", "2026-06", "2026-08", "2026-10", "2026-12", "2027-02");
        Map<String, Object> w = versions(wife).get(0);
        assertThat(w.get("stage")).isEqualTo(4);
        assertThat(annual(w)).isEqualTo(67_230);
        assertThat(w.get("collection")).isEqualTo("ORDINARY");
        assertThat((List<?>) w.get("installments")).hasSize(10);
        assertThat(sum(w)).isEqualTo(67_230);

        // The son's tax is corrected to 非課税: the household is now all exempt; both are recalculated, appended.
        taxResult(son, 2, false, 0, 0, 0);
        Map<String, Object> h2 = awaitVersions(husband, 2).get(1);
        assertThat(h2.get("stage")).isEqualTo(3);
        assertThat(annual(h2)).isEqualTo(51_169); // 74,700 × 0.685 = 51,169.5 → 51,169
        assertThat((String) h2.get("reason")).contains("世帯員の課税状況の変更");
        assertThat(sum(h2)).isEqualTo(51_169);
        Map<String, Object> w2 = awaitVersions(wife, 2).get(1);
        assertThat(w2.get("stage")).isEqualTo(1);
        assertThat(annual(w2)).isEqualTo(21_289); // 74,700 × 0.285 = 21,289.5 → 21,289
        assertThat(versions(wife).get(0).get("stage")).isEqualTo(4);

        // The wife dies on 10 September: lost on the 11th, premium for April–August (5 months).
        notify("{\"type\":\"DEATH\",\"effectiveDate\":\"2026-09-10\",\"atenaNo\":\"%s\"}".formatted(wife));
        Map<String, Object> w3 = awaitVersions(wife, 3).get(2);
        assertThat(w3.get("months")).isEqualTo(5);
        assertThat(annual(w3)).isEqualTo(8_870); // 21,289 × 5 ÷ 12 = 8,870.4 → 8,870
        assertThat((String) w3.get("reason")).startsWith("資格喪失");
        assertThat(sum(w3)).isEqualTo(8_870);
    }

    @Test
    void taxResultsInBulkBeforeTheYearIsAssessedAreKeptOnceEach() throws Exception {
        // 令和12年度: no premium assessed yet, so the chunk is only kept
        ResidentTaxAssessedInBulk bulk = new ResidentTaxAssessedInBulk(SABAE, 2030, "当初賦課", List.of(
                new ResidentTaxAssessedInBulk.Entry("0000990001", 1, true, false, 450_000, 0, 0),
                new ResidentTaxAssessedInBulk.Entry("0000990002", 1, false, false, 800_000, 1_900_000, 800_000)));
        taxResults(bulk);
        taxResults(bulk); // delivered again (the outbox republishes after a crash): taken without error, nothing doubles
        long outstanding = 1;
        for (int i = 0; i < 100 && outstanding > 0; i++) {
            Thread.sleep(100);
            outstanding = jdbc.sql("select count(*) from event_publication where completion_date is null and "
                    + "event_type like '%ResidentTaxAssessedInBulk'").query(Long.class).single();
        }
        assertThat(outstanding).isZero();
        assertThat(count("select count(*) from care_tax_result where lg_code = ? and tax_year = 2030")).isEqualTo(2);
        assertThat(count("select count(*) from care_tax_result where lg_code = ? and tax_year = 2030 and atena_no = "
                + "'0000990001' and version = 1 and taxed and total_income = 450000 and reason = '当初賦課'")).isEqualTo(1);
        assertThat(count("select count(*) from care_tax_result where lg_code = ? and tax_year = 2030 and atena_no = "
                + "'0000990002' and not taxed and pension_revenue = 1900000 and pension_income = 800000")).isEqualTo(1);
        assertThat(count("select count(*) from care_premium_assessment where lg_code = ? and fiscal_year = 2030"))
                .isZero();
    }

    @Test
    void recalculationNeedsAnAssessedYear() throws Exception {
        assertThat(mvc.perform(post(BASE + "/care/premium-assessments/2025/0000000019/recalculations").with(as("sabae-care"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }
}
