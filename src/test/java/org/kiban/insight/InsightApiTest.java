package org.kiban.insight;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.parameter.ParameterChange;
import org.kiban.parameter.Parameters;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.Tenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The joint use's dashboards through the API, on 鳥取県 towns of this test's own: 岩美町 313025, 若桜町 313254,
 * 智頭町 313289, 八頭町 313297.
 */
@KibanIntegrationTest
class InsightApiTest {

    private static final String API = "/api/v1/insight";

    @Autowired
    MockMvc mvc;

    @Autowired
    Parameters parameters;

    @Autowired
    Tenants tenants;

    @Autowired
    JsonMapper json;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                               String body) throws Exception {
        return mvc.perform(request.with(as("operator")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private void tenant(String lgCode, String contractEnd) throws Exception {
        if (tenants.find(lgCode).isEmpty()) {
            send(post("/api/v1/tenants"), "{\"lgCode\":\"%s\",\"plannedOn\":\"2026-04-01\",\"previousSystemContractEnd\":\"%s\"}"
                    .formatted(lgCode, contractEnd)).andExpect(status().isCreated());
        }
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static BigDecimal rate(int numerator, int denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    @Test
    void customizationRateIsComputedFromTheParameterChangesAndExtensions() throws Exception {
        tenant("313025", "2027-03-31");
        TenantContext.runAs("313025", Actor.system("test"), () -> {
            // Two deviations from 1 April 2026 (one A1 fee, one A2 security setting) and one value equal to the
            // standard (30 minutes), which is no deviation.
            parameters.change("certificate.fee.resident-copy", new ParameterChange(350, LocalDate.of(2026, 4, 1), "手数料条例改正"));
            parameters.change("security.lockout-threshold", new ParameterChange(3, LocalDate.of(2026, 4, 1), "セキュリティポリシー"));
            parameters.change("security.session-timeout-minutes", new ParameterChange(30, LocalDate.of(2026, 4, 1), "確認のため"));
        });
        send(post(API + "/tenants/313025/extensions"), """
                {"extensionId":"iwami.snow-route-notice","name":"除雪路線の通知書","extensionPoint":"certificate.FormLayout",
                 "parameterClass":"L","linesOfCode":1200,"activeFrom":"2026-06-01","reason":"豪雪地帯の独自様式"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.linesOfCode").value(1200));
        int p = read(mvc.perform(get("/api/v1/parameter-catalogue").with(as("operator")))).size();

        // Before the changes: nothing deviates.
        mvc.perform(get(API + "/tenants/313025/customization").param("at", "2026-03-31").with(as("operator")))
                .andExpect(jsonPath("$.deviating").value(0))
                .andExpect(jsonPath("$.customizationRate").value(0.0));
        // May: D = 2, E = 0 → 2 / P.
        mvc.perform(get(API + "/tenants/313025/customization").param("at", "2026-05-01").with(as("operator")))
                .andExpect(jsonPath("$.deviating").value(2))
                .andExpect(jsonPath("$.extensions").value(0))
                .andExpect(jsonPath("$.customizationRate").value(rate(2, p).doubleValue()))
                .andExpect(jsonPath("$.byClass.A1.deviating").value(1))
                .andExpect(jsonPath("$.byClass.A2.deviating").value(1));
        // July: D = 2, E = 1 → (2 + 1) / (P + 1); fit rate = (P − 2) / (P + 1).
        mvc.perform(get(API + "/tenants/313025/customization").param("at", "2026-07-01").with(as("operator")))
                .andExpect(jsonPath("$.parameters").value(p))
                .andExpect(jsonPath("$.extensions").value(1))
                .andExpect(jsonPath("$.linesOfCode").value(1200))
                .andExpect(jsonPath("$.byClass.L.extensions").value(1))
                .andExpect(jsonPath("$.customizationRate").value(rate(3, p + 1).doubleValue()))
                .andExpect(jsonPath("$.fitRate").value(BigDecimal.ONE.subtract(rate(3, p + 1)).doubleValue()));

        // Trend and side by side in a group of its own.
        send(post(API + "/groups"), "{\"groupId\":\"test-iwami\",\"name\":\"岩美町のみ\",\"kind\":\"CUSTOM\",\"members\":[\"313025\"]}")
                .andExpect(status().isCreated());
        mvc.perform(get(API + "/groups/test-iwami/customization").param("at", "2026-07-15").param("months", "4").with(as("operator")))
                .andExpect(jsonPath("$.trend[0].customizationRate['2026-04']").value(rate(2, p).doubleValue()))
                .andExpect(jsonPath("$.trend[0].customizationRate['2026-06']").value(rate(3, p + 1).doubleValue()))
                .andExpect(jsonPath("$.members[0].name").value("岩美町"));
        String csv = mvc.perform(get(API + "/groups/test-iwami/customization.csv").param("at", "2026-07-15").with(as("operator")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF区分,パラメータ,キー,岩美町（313025）")
                .contains("certificate.fee.resident-copy,350円 ※").contains("security.session-timeout-minutes,30分\r\n")
                .contains("集計,カスタマイズ率,," + rate(3, p + 1).toPlainString())
                .contains("除雪路線の通知書（L、1200行）");
    }

    @Test
    void changeRequestsOfTheMembersSideBySide() throws Exception {
        tenant("313025", "2027-03-31");
        tenant("313254", "2027-03-31");
        send(post(API + "/groups"), "{\"groupId\":\"test-requests\",\"name\":\"要望比較\",\"kind\":\"CUSTOM\",\"members\":[\"313025\",\"313254\",\"313289\"]}")
                .andExpect(status().isCreated());
        String fee = """
                {"topic":"住民票の写しの手数料","parameterKey":"certificate.fee.resident-copy","parameterClass":"A1",
                 "requestedOn":"2026-05-10","description":"%s"}""";
        send(post(API + "/tenants/313025/change-requests"), fee.formatted("350円にしたい")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REQUESTED"));
        send(post(API + "/tenants/313254/change-requests"), fee.formatted("コンビニ交付と同額にしたい"))
                .andExpect(jsonPath("$.requestNo").value(1));
        send(post(API + "/tenants/313254/change-requests"), """
                {"topic":"帳票の独自レイアウト","parameterClass":"A2","requestedOn":"2026-05-11","description":"旧システムと同じ様式"}""")
                .andExpect(status().isCreated());
        send(put(API + "/tenants/313254/change-requests/2/decision"), "{\"status\":\"REJECTED\",\"decisionNote\":\"標準様式で運用\"}")
                .andExpect(jsonPath("$.status").value("REJECTED"));
        // The fee, asked for by two members, comes first; the layout request of one member after it.
        mvc.perform(get(API + "/groups/test-requests/change-requests").with(as("operator")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].parameterKey").value("certificate.fee.resident-copy"))
                .andExpect(jsonPath("$[0].byMember['313025'][0].description").value("350円にしたい"))
                .andExpect(jsonPath("$[0].byMember['313254'][0].description").value("コンビニ交付と同額にしたい"))
                .andExpect(jsonPath("$[1].subject").value("帳票の独自レイアウト"))
                .andExpect(jsonPath("$[1].byMember['313254'][0].status").value("REJECTED"));
        String csv = mvc.perform(get(API + "/groups/test-requests/change-requests.csv").with(as("operator")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("帳票の独自レイアウト,,A2,313254,若桜町,2,2026-05-11,旧システムと同じ様式,対応しない（標準どおり）,標準様式で運用");
        // Recorded in the member's own audit log, as the operator who recorded it.
        java.util.List<String> actors = TenantContext.callAs("313254", Actor.system("test"), () -> tx.execute(t -> jdbc.sql(
                "select actor from audit_entry where lg_code = ? and action = 'change-request.decided'")
                .param("313254").query(String.class).list()));
        assertThat(actors).containsExactly("operator:operator");
    }

    @Test
    void onboardingPlanWithRehearsalsWarningsAndProposal() throws Exception {
        tenant("313254", "2027-03-31");
        JsonNode rehearsal = read(send(post("/api/v1/tenants/313254/rehearsals"), "{\"plannedOn\":\"2026-11-10\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.outcome").value("PLANNED")));
        int seq = rehearsal.get("seq").asInt();
        send(put("/api/v1/tenants/313254/rehearsals/" + seq), "{\"outcome\":\"SUCCEEDED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/rehearsal-performed-on-required"));
        send(put("/api/v1/tenants/313254/rehearsals/" + seq),
                "{\"outcome\":\"SUCCEEDED\",\"performedOn\":\"2026-11-12\",\"recordsImported\":2941,\"errors\":0}")
                .andExpect(jsonPath("$.outcome").value("SUCCEEDED")).andExpect(jsonPath("$.recordsImported").value(2941));
        // A live tenant has nothing left to rehearse.
        send(post("/api/v1/tenants/141003/rehearsals"), "{\"plannedOn\":\"2026-11-10\"}").andExpect(status().isConflict());
        // 智頭町 and 八頭町 are not tenants yet; both plan to go live on 1 October 2027, contracts ending 30 September.
        for (String code : new String[] {"313289", "313297"}) {
            send(put(API + "/municipalities/" + code + "/onboarding"),
                    "{\"systemRenewalDate\":\"2027-09-30\",\"plannedGoLive\":\"2027-10-01\"}").andExpect(status().isOk());
        }
        send(post(API + "/groups"), """
                {"groupId":"test-tottori-east","name":"鳥取県東部","kind":"CUSTOM","members":["313254","313289","313297"],
                 "monthlyCapacity":1}""").andExpect(status().isCreated()).andExpect(jsonPath("$.members.length()").value(3));

        mvc.perform(get(API + "/groups/test-tottori-east/onboarding").param("from", "2026-10").with(as("operator")))
                .andExpect(jsonPath("$.members[0].member.rehearsals[0].outcome").value("SUCCEEDED"))
                .andExpect(jsonPath("$.members[1].stateLabel").value("未登録（参加検討）"))
                // two go-lives in October 2027 with a capacity of one, neither rehearsed
                .andExpect(jsonPath("$.warnings[?(@.kind == 'OVER_CAPACITY')].lgCodes[*]").value(
                        org.hamcrest.Matchers.contains("313289", "313297")))
                .andExpect(jsonPath("$.warnings[?(@.kind == 'NO_SUCCESSFUL_REHEARSAL')].lgCodes[*]").value(
                        org.hamcrest.Matchers.containsInAnyOrder("313289", "313297")))
                // 若桜町: contract to 31 March 2027 → deadline April (busy) → December 2026;
                // the other two share October 2027: 313289 keeps October, 313297 moves to September.
                .andExpect(jsonPath("$.proposal.goLives[0].lgCode").value("313254"))
                .andExpect(jsonPath("$.proposal.goLives[0].month").value("2026-12"))
                .andExpect(jsonPath("$.proposal.goLives[0].fit").value("ON_TIME"))
                .andExpect(jsonPath("$.proposal.goLives[1].lgCode").value("313297"))
                .andExpect(jsonPath("$.proposal.goLives[1].month").value("2027-09"))
                .andExpect(jsonPath("$.proposal.goLives[2].lgCode").value("313289"))
                .andExpect(jsonPath("$.proposal.goLives[2].month").value("2027-10"));

        // Capacity 2: October can take both, and the cluster warning goes.
        send(put(API + "/groups/test-tottori-east"), "{\"monthlyCapacity\":2}").andExpect(jsonPath("$.monthlyCapacity").value(2));
        mvc.perform(get(API + "/groups/test-tottori-east/onboarding").param("from", "2026-10").with(as("operator")))
                .andExpect(jsonPath("$.warnings[?(@.kind == 'OVER_CAPACITY')]").isEmpty());
    }

    @Test
    void aPrefectureGroupHoldsEveryMunicipalityOfThePrefecture() throws Exception {
        // 鳥取県: 19 municipalities (総務省 全国地方公共団体コード).
        send(post(API + "/groups"), "{\"groupId\":\"test-tottori\",\"kind\":\"PREFECTURE\",\"prefectureCode\":\"31\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("鳥取県"))
                .andExpect(jsonPath("$.members.length()").value(19));
        send(put(API + "/groups/test-tottori"), "{\"members\":[\"313025\"]}").andExpect(status().isBadRequest());
        send(post(API + "/groups"), "{\"groupId\":\"test-tottori\",\"kind\":\"PREFECTURE\",\"prefectureCode\":\"31\"}")
                .andExpect(status().isConflict());
        send(post(API + "/groups"), "{\"groupId\":\"Bad Id\",\"kind\":\"CUSTOM\",\"members\":[\"313025\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("groupId")));
    }

    @Test
    void groupingAdvisorByAreaAndByPopulation() throws Exception {
        // 鳥取県, 住民基本台帳 2022-01-01: 19 municipalities, 551,806 residents, 239,626 households;
        // 7 under 10,000, 10 of 10,000–49,999, 2 of 50,000–199,999 (鳥取市, 米子市).
        mvc.perform(get(API + "/grouping").param("method", "AREA").param("scope", "31").with(as("operator")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value("鳥取県"))
                .andExpect(jsonPath("$[0].population").value(551_806))
                .andExpect(jsonPath("$[0].households").value(239_626));
        mvc.perform(get(API + "/grouping").param("method", "POPULATION").param("scope", "31").with(as("operator")))
                .andExpect(jsonPath("$[*].members.length()").value(org.hamcrest.Matchers.contains(7, 10, 2)));
        mvc.perform(get(API + "/grouping").param("method", "AREA").param("scope", "CHUGOKU").with(as("operator")))
                .andExpect(jsonPath("$.length()").value(5)); // 鳥取, 島根, 岡山, 広島, 山口
        mvc.perform(get(API + "/grouping").param("scope", "99").with(as("operator")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void costScenarioIsSavedRecomputedAndPrinted() throws Exception {
        String assumptions = """
                {"years":3,"members":[{"lgCode":"313025","name":"岩美町","population":30000},
                                      {"lgCode":"313254","name":"若桜町","population":10000}],
                 "soloInitialPerMember":10000000,"soloMigrationPerMember":2000000,"soloYearlyPerMember":4000000,
                 "soloLawChangePerMemberPerYear":1000000,"soloStaffFtePerMember":1.5,
                 "jointInitialTotal":12000000,"jointMigrationPerMember":1000000,"jointYearlyTotal":5000000,
                 "jointLawChangeTotalPerYear":1000000,"jointStaffFtePerMember":0.5,"staffCostPerFte":8000000,
                 "soloGrantRate":0,"jointGrantRate":0.5,"equalShareRatio":0.5}""";
        // The hand-computed scenario of CostModelTest: 126,000,000 solo, 49,000,000 joint over 3 years.
        JsonNode saved = read(send(post(API + "/cost/scenarios"), "{\"name\":\"2町の試算\",\"assumptions\":" + assumptions + "}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.result.soloTotal").value(126_000_000))
                .andExpect(jsonPath("$.result.jointTotal").value(49_000_000)));
        long id = saved.get("scenario").get("id").asLong();
        mvc.perform(get(API + "/cost/scenarios/" + id).with(as("operator")))
                .andExpect(jsonPath("$.scenario.assumptions.jointGrantRate").value(0.5))
                .andExpect(jsonPath("$.result.years[0].cumulativeSaving").value(37_000_000));
        send(put(API + "/cost/scenarios/" + id), "{\"name\":\"2町の試算（6年）\",\"assumptions\":"
                + assumptions.replace("\"years\":3", "\"years\":6") + "}")
                .andExpect(jsonPath("$.result.years.length()").value(6));
        byte[] pdf = mvc.perform(get(API + "/cost/scenarios/" + id + "/report.pdf").with(as("operator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("費用効果の試算：2町の試算（6年）", "岩美町", "若桜町", "6年目");
        }
        assertThat(new ByteArrayInputStream(pdf).readNBytes(4)).isEqualTo("%PDF".getBytes(StandardCharsets.US_ASCII));
        send(post(API + "/cost/simulation"), assumptions.replace("\"jointGrantRate\":0.5", "\"jointGrantRate\":2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("交付税措置率")));
    }

    @Test
    void onlyOperatorsSeeTheJointUseDashboards() throws Exception {
        mvc.perform(get(API + "/groups").with(as("yokohama-admin"))).andExpect(status().isForbidden());
        mvc.perform(get(API + "/grouping").with(as("sabae-supervisor"))).andExpect(status().isForbidden());
        mvc.perform(get(API + "/groups").with(as("operator"))).andExpect(status().isOk());
    }
}
