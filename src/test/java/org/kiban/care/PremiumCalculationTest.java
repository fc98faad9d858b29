package org.kiban.care;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.care.cli.CareCommandAccess;
import org.kiban.parameter.ParameterChange;
import org.kiban.parameter.Parameters;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.tenancy.Tenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * {@code POST /api/v1/care/premium-calculations} and {@code kiban care premium}: one input, the same answer; a tenant's
 * own parameters and stage table apply; bad input is a 400 problem naming the field.
 */
@KibanIntegrationTest
class PremiumCalculationTest {

    /** 石狩市: its 第9期 premiums, set as parameters (https://www.city.ishikari.hokkaido.jp/soshiki/koureisyas/3460.html). */
    static final String ISHIKARI = "012351";
    static final String TOHMA = "014541";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Tenants tenants;
    @Autowired
    Parameters parameters;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void ishikariIsATenantWithItsOrdinance() throws Exception {
        if (tenants.find(ISHIKARI).isPresent()) {
            return;
        }
        MockHttpServletResponse r = mvc.perform(post("/api/v1/tenants").with(as("operator"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lgCode\":\"" + ISHIKARI + "\",\"plannedOn\":\"2026-04-01\"}")).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
        TenantContext.runAs(ISHIKARI, Actor.system("test"), () -> tx.executeWithoutResult(s -> {
            LocalDate from = LocalDate.of(2024, 4, 1);
            parameters.change(CareParameters.BASE_AMOUNT, new ParameterChange(5300, from, "石狩市介護保険条例（基準月額5,300円）"));
            parameters.change(CareParameters.ROUNDING_UNIT, new ParameterChange("10", from, "10円未満切捨て"));
        }));
    }

    private static String input(String lgCode, String overrides, String person, boolean householdTaxed) {
        return """
                {"fiscalYear": 2024, "municipality": {"lgCode": "%s"%s},
                 "person": %s, "household": {"anyMemberTaxed": %s}}"""
                .formatted(lgCode, overrides == null ? "" : ", \"overrides\": " + overrides, person, householdTaxed);
    }

    private MockHttpServletResponse api(String body) throws Exception {
        return mvc.perform(post("/api/v1/care/premium-calculations").with(as("hinohara-care"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    @Test
    void apiAndCommandLineGiveTheSameAnswer_fromTheTenantsParameters() throws Exception {
        // 石狩市 第3段階: 世帯全員非課税, 判定額 > 120万円 → 63,600 × 0.685 = 43,566 → 43,560.
        String body = input(ISHIKARI, null, """
                {"birthDate": "1950-06-01", "taxed": false, "totalIncome": 300000, "taxablePensionRevenue": 1400000,
                 "welfareRecipient": false}""", false);
        MockHttpServletResponse r = api(body);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(r.getContentAsString(), "$.stage")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(r.getContentAsString(), "$.annualPremium")).isEqualTo(43_560);
        assertThat(JsonPath.<Double>read(r.getContentAsString(), "$.multiplier")).isEqualTo(0.685);

        CareCommandAccess.Run cli = CareCommandAccess.premium(context, body);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo(r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void overridesReproduceAnotherMunicipalitysTable_andMonthsProrate() throws Exception {
        // 当麻町 (not a tenant here): 基準額 81,600円, 100円未満切捨て; 第7段階 published as 106,000円
        // (https://town.tohma.hokkaido.jp/living/04/03/1248). For 5 months: 106,000 × 5 ÷ 12 = 44,166.67 → 44,100.
        String overrides = "{\"baseAmountAnnual\": 81600, \"rounding\": {\"unit\": 100, \"mode\": \"DOWN\", \"basis\": \"ANNUAL\"}}";
        String person = "{\"taxed\": true, \"totalIncome\": 1500000, \"taxablePensionRevenue\": 0}";
        MockHttpServletResponse r = api(input(TOHMA, overrides, person, true));
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(r.getContentAsString(), "$.annualPremium")).isEqualTo(106_000);
        String withMonths = input(TOHMA, overrides, person, true).replace("\"fiscalYear\": 2024,", "\"fiscalYear\": 2024, \"months\": 5,");
        MockHttpServletResponse m = api(withMonths);
        assertThat(JsonPath.<Integer>read(m.getContentAsString(), "$.fullYearPremium")).isEqualTo(106_000);
        assertThat(JsonPath.<Integer>read(m.getContentAsString(), "$.annualPremium")).isEqualTo(44_100);
    }

    @Test
    void badInputIsAProblemNamingTheField_inApiAndCommandLine() throws Exception {
        String body = input(ISHIKARI, null, "{\"taxed\": false, \"totalIncome\": \"many\"}", false);
        MockHttpServletResponse r = api(body);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(r.getContentAsString(), "$.field")).isEqualTo("person.totalIncome");
        assertThat(JsonPath.<String>read(r.getContentAsString(), "$.type")).isEqualTo("/problems/care-invalid-input");
        assertThat(JsonPath.<String>read(r.getContentAsString(), "$.detail")).startsWith("person.totalIncome: ");
        CareCommandAccess.Run cli = CareCommandAccess.premium(context, body);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(JsonPath.<String>read(cli.err(), "$.field")).isEqualTo("person.totalIncome");

        assertThat(field(api(input("012352", null, "{\"taxed\": true, \"totalIncome\": 0}", true)))).isEqualTo("municipality.lgCode");
        assertThat(field(api(input(ISHIKARI, "{\"rounding\": {\"unit\": 5}}", "{\"taxed\": true, \"totalIncome\": 0}", true))))
                .isEqualTo("municipality.overrides.rounding.unit");
        assertThat(field(api(input(ISHIKARI, null, "{\"taxed\": true, \"totalIncome\": 0, \"income\": 1}", true))))
                .isEqualTo("person.income");
        assertThat(field(api(input(ISHIKARI, null, "{\"taxed\": true, \"totalIncome\": 0}", true)
                .replace("2024", "2031")))).isEqualTo("fiscalYear");
        assertThat(field(api("{not json"))).isEqualTo("(body)");
    }

    private static String field(MockHttpServletResponse r) throws Exception {
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(400);
        return JsonPath.read(r.getContentAsString(), "$.field");
    }

    @Test
    void aTenantsOwnStageTableAppliesFromItsYear_andIsRevisedNotOverwritten() throws Exception {
        String base = "/api/v1/municipalities/" + HINOHARA + "/care/premium-stage-tables/";
        assertThat(JsonPath.<String>read(mvc.perform(get(base + "2025").with(as("hinohara-admin")))
                .andReturn().getResponse().getContentAsString(), "$.source")).isEqualTo("STANDARD");
        // A test table (not a real ordinance): the standard 13 with a 14th stage of 2.6 from 1,000万円.
        Object standard = JsonPath.parse(mvc.perform(get(base + "2025").with(as("hinohara-admin")))
                .andReturn().getResponse().getContentAsString()).read("$.stageTable");
        String json = new tools.jackson.databind.ObjectMapper().writeValueAsString(standard);
        String fourteen = json.replace("{\"stage\":13,\"label\":\"本人課税で合計所得金額が720万円以上\",\"person\":\"TAXED\",\"income\":\"TOTAL\",\"from\":7200000,\"multiplier\":2.4}",
                "{\"stage\":13,\"person\":\"TAXED\",\"income\":\"TOTAL\",\"from\":7200000,\"below\":10000000,\"multiplier\":2.4},"
                        + "{\"stage\":14,\"person\":\"TAXED\",\"income\":\"TOTAL\",\"from\":10000000,\"multiplier\":2.6}");
        assertThat(fourteen).contains("\"stage\":14");
        MockHttpServletResponse saved = mvc.perform(put(base + "2025").with(as("hinohara-admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"試験用の段階表\", \"stageTable\": " + fourteen + "}")).andReturn().getResponse();
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
        int revision = JsonPath.read(saved.getContentAsString(), "$.revision");

        String rich = "{\"taxed\": true, \"totalIncome\": 12000000}";
        String in2025 = input(HINOHARA, null, rich, true).replace("2024", "2025");
        MockHttpServletResponse r = api(in2025);
        assertThat(JsonPath.<Integer>read(r.getContentAsString(), "$.stage")).isEqualTo(14);
        assertThat(JsonPath.<Integer>read(api(in2025.replace("2025", "2026")).getContentAsString(), "$.stage")).isEqualTo(14);
        assertThat(JsonPath.<Integer>read(api(input(HINOHARA, null, rich, true)).getContentAsString(), "$.stage")).isEqualTo(13);

        // A table with a gap is refused, and the one in force stays.
        MockHttpServletResponse bad = mvc.perform(put(base + "2025").with(as("hinohara-admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"誤り\", \"stageTable\": " + fourteen.replace("\"from\":10000000", "\"from\":10000001") + "}"))
                .andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(JsonPath.<String>read(bad.getContentAsString(), "$.field")).isEqualTo("stageTable.stages");
        MockHttpServletResponse now = mvc.perform(get(base + "2026").with(as("hinohara-admin"))).andReturn().getResponse();
        assertThat(JsonPath.<Integer>read(now.getContentAsString(), "$.revision")).isEqualTo(revision);
        // A care clerk may calculate but not change the table.
        assertThat(mvc.perform(put(base + "2025").with(as("hinohara-care")).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
