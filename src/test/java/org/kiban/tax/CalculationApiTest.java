package org.kiban.tax;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.parameter.ParameterChange;
import org.kiban.parameter.Parameters;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /api/v1/tax/resident-tax/calculations} and {@code kiban tax calc}: one contract, one answer. */
@KibanIntegrationTest
public class CalculationApiTest {

    private static final String URL = "/api/v1/tax/resident-tax/calculations";

    /** 佐賀市 令和7年度 計算例 (https://www.city.saga.lg.jp/main/1870.html); 佐賀市 is not a tenant here. */
    public static final String SAGA = """
            {"taxYear": 2025, "municipality": {"lgCode": "412015"},
             "taxpayer": {"birthDate": "1982-06-01"},
             "income": {"salaryRevenue": 6000000},
             "deductions": {"socialInsurance": 735000, "lifeInsurance": {"oldGeneral": 25000, "newCareMedical": 18000}},
             "spouse": {"birthDate": "1984-06-01", "totalIncome": 0},
             "dependents": [{"birthDate": "2005-06-01", "totalIncome": 0},
                            {"birthDate": "2015-06-01", "totalIncome": 0},
                            {"birthDate": "1952-06-01", "totalIncome": 0, "cohabiting": true, "linealAscendant": true}]}
            """;

    /**
     * 令和8年度, 給与収入 5,500,000円, a theft of 1,000,000円 (保険金 200,000円) and 50,000円 of ふるさと納税 under the
     * ワンストップ特例: exercises 雑損控除 and 申告特例控除額 through the contract (see CasualtyLossTest and
     * OneStopSpecialExceptionTest for the rules' sources).
     */
    public static final String CASUALTY_AND_ONE_STOP = """
            {"taxYear": 2026, "municipality": {"lgCode": "412015"},
             "taxpayer": {"birthDate": "1978-06-01"},
             "income": {"salaryRevenue": 5500000},
             "deductions": {"casualtyLoss": {"loss": 1000000, "reimbursed": 200000, "disasterRelatedExpenses": 0}},
             "credits": {"donations": [{"amount": 50000, "furusato": true}], "oneStopSpecialException": true}}
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    Parameters parameters;

    @Test
    void sagaExample_throughTheApi_withTheStandardOfANonTenantMunicipality() throws Exception {
        mvc.perform(post(URL).with(as("sabae-tax")).contentType(MediaType.APPLICATION_JSON).content(SAGA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipality.name").value("佐賀市"))
                .andExpect(jsonPath("$.municipality.source").value("STANDARD"))
                .andExpect(jsonPath("$.municipality.prefPerCapita").value(1500))
                .andExpect(jsonPath("$.salaryIncome").value(4_360_000))
                .andExpect(jsonPath("$.totalDeductions").value(2_430_000))
                .andExpect(jsonPath("$.taxableIncome").value(1_930_000))
                .andExpect(jsonPath("$.adjustmentCreditCity").value(12_300))
                .andExpect(jsonPath("$.cityIncomeLevy").value(103_500))
                .andExpect(jsonPath("$.prefIncomeLevy").value(69_000))
                .andExpect(jsonPath("$.exemption").value("NONE"))
                .andExpect(jsonPath("$.explanation[0].item").value("給与所得"))
                .andExpect(jsonPath("$.explanation[0].basis").value(org.hamcrest.Matchers.containsString("別表第五")));
    }

    @Test
    void tenantRateEffectiveFromItsYear_nagoya77() throws Exception {
        // 名古屋市 市民税減税: 7.7% (NAGOYA). Set from 令和8年度 only, on a tenant of this test's own.
        mvc.perform(post("/api/v1/tenants").with(as("operator")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"lgCode\":\"231002\"}")).andExpect(status().isCreated());
        TenantContext.runAs("231002", Actor.system("test"), () -> parameters.change(TaxParameters.CITY_RATE,
                new ParameterChange(new BigDecimal("7.7"), LocalDate.of(2026, 1, 1), "市民税減税条例")));
        String body = SAGA.replace("412015", "231002");
        mvc.perform(post(URL).with(as("sabae-tax")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"taxYear\": 2025", "\"taxYear\": 2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipality.source").value("TENANT"))
                .andExpect(jsonPath("$.municipality.cityRatePct").value(7.7))
                .andExpect(jsonPath("$.municipality.prefRatePct").value(2))
                .andExpect(jsonPath("$.municipality.prefPerCapita").value(1500))
                .andExpect(jsonPath("$.municipality.designatedCitySplit").value(true));
        mvc.perform(post(URL).with(as("sabae-tax")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipality.cityRatePct").value(8));
        mvc.perform(post(URL).with(as("sabae-tax")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("{\"lgCode\": \"231002\"}",
                                "{\"lgCode\": \"231002\", \"overrides\": {\"cityRatePct\": 6, \"livingCostGrade\": \"2級地-1\"}}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipality.cityRatePct").value(6))
                .andExpect(jsonPath("$.municipality.livingCostGrade").value("2級地-1"))
                .andExpect(jsonPath("$.municipality.source").value("TENANT+OVERRIDES"));
    }

    @Test
    void casualtyLossAndOneStop_throughTheApi() throws Exception {
        // 給与所得 3,960,000; 雑損控除 800,000 − 396,000 = 404,000; 課税 3,960,000 − 430,000 − 404,000 = 3,126,000
        mvc.perform(post(URL).with(as("sabae-tax")).contentType(MediaType.APPLICATION_JSON)
                        .content(CASUALTY_AND_ONE_STOP))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deductions.casualtyLoss").value(404_000))
                .andExpect(jsonPath("$.taxableIncome").value(3_126_000))
                // 3,126,000 − 50,000 = 3,076,000: 10% band; 特例 48,000 × 79.79% → 市 22,979 (3/5), 県 15,319 (2/5)
                // 申告特例 市 22,979 × 10.21/79.79 = 2,940.4 → 2,940; 県 15,319 × 10.21/79.79 = 1,960.2 → 1,960
                .andExpect(jsonPath("$.oneStopCreditCity").value(2_940))
                .andExpect(jsonPath("$.oneStopCreditPref").value(1_960));
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        expectField(SAGA.replace("\"birthDate\": \"1982-06-01\"", "\"birthDate\": null"), "taxpayer.birthDate");
        expectField(SAGA.replace("2025", "2024"), "taxYear");
        expectField(SAGA.replace("6000000", "-1"), "income.salaryRevenue");
        expectField(SAGA.replace("412015", "412016"), "municipality.lgCode");
        expectField(SAGA.replace("412015", "410004"), "municipality.lgCode"); // 佐賀県: not a municipality
        expectField(SAGA.replace("\"2015-06-01\"", "\"2026-06-01\""), "dependents[1].birthDate");
        expectField(SAGA.replace("\"1984-06-01\"", "\"1984-13-01\""), "spouse.birthDate");
        expectField(SAGA.replace("\"oldGeneral\"", "\"oldGenral\""), "deductions.lifeInsurance.oldGenral");
        expectField(CASUALTY_AND_ONE_STOP.replace("\"disasterRelatedExpenses\": 0",
                        "\"disasterRelatedExpenses\": 1000001"),
                "deductions.casualtyLoss.disasterRelatedExpenses");
        expectField(CASUALTY_AND_ONE_STOP.replace("\"reimbursed\": 200000", "\"reimbursed\": -1"),
                "deductions.casualtyLoss.reimbursed");
    }

    private void expectField(String body, String field) throws Exception {
        mvc.perform(post(URL).with(as("sabae-tax")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void onlyAuthenticatedCallers() throws Exception {
        mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(SAGA)).andExpect(status().isUnauthorized());
        mvc.perform(post(URL).with(as("operator")).contentType(MediaType.APPLICATION_JSON).content(SAGA))
                .andExpect(status().isOk());
    }
}
