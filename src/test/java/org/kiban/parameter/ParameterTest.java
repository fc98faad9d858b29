package org.kiban.parameter;

import java.time.LocalDate;


import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.TestAccounts.YOKOHAMA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Parameters: standard defaults, effective dating, validation, audit, and the customization report. */
@KibanIntegrationTest
class ParameterTest {

    private static final String THRESHOLD = "/api/v1/municipalities/" + HINOHARA + "/parameters/security.lockout-threshold";

    @Autowired
    MockMvc mvc;

    @Autowired
    Parameters parameters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private String change(Object value, String validFrom) {
        return "{\"value\":" + value + ",\"validFrom\":\"" + validFrom + "\",\"reason\":\"檜原村情報セキュリティポリシー改定\"}";
    }

    @Test
    void aValueForFiscal2027DoesNotChangeFiscal2026() throws Exception {
        mvc.perform(put(THRESHOLD).with(as("hinohara-admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(change(3, "2027-04-01")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(3))
                .andExpect(jsonPath("$.deviates").value(true));
        mvc.perform(get(THRESHOLD).param("at", "2027-03-31").with(as("hinohara-clerk")))
                .andExpect(jsonPath("$.value").value(5))
                .andExpect(jsonPath("$.fromStandard").value(true));
        mvc.perform(get(THRESHOLD).param("at", "2027-04-01").with(as("hinohara-clerk")))
                .andExpect(jsonPath("$.value").value(3))
                .andExpect(jsonPath("$.validFrom").value("2027-04-01"));
        // Back to the standard from FY2028: a revision with no value, history keeps all of it.
        mvc.perform(put(THRESHOLD).with(as("hinohara-admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"standard\":true,\"validFrom\":\"2028-04-01\",\"reason\":\"標準に戻す\"}"))
                .andExpect(jsonPath("$.value").value(5))
                .andExpect(jsonPath("$.fromStandard").value(true));
        mvc.perform(get(THRESHOLD).param("at", "2027-12-01").with(as("hinohara-clerk")))
                .andExpect(jsonPath("$.value").value(3));
        mvc.perform(get(THRESHOLD + "/history").with(as("hinohara-clerk")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].value").doesNotExist());
        mvc.perform(get("/api/v1/municipalities/" + HINOHARA + "/audit").param("action", "parameter.changed")
                        .param("targetId", "security.lockout-threshold").with(as("hinohara-auditor")))
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void valuesAreValidatedAgainstTheCatalogue() throws Exception {
        // security.lockout-threshold allows 3 to 10.
        mvc.perform(put(THRESHOLD).with(as("hinohara-admin")).contentType(MediaType.APPLICATION_JSON).content(change(11, "2027-04-01")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-parameter-value"));
        mvc.perform(put(THRESHOLD).with(as("hinohara-admin")).contentType(MediaType.APPLICATION_JSON).content(change("\"五\"", "2027-04-01")))
                .andExpect(status().isBadRequest());
        mvc.perform(put(THRESHOLD).with(as("hinohara-admin")).contentType(MediaType.APPLICATION_JSON).content(change(3.5, "2027-04-01")))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/municipalities/" + HINOHARA + "/parameters/tenancy.office-structure").with(as("hinohara-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(change("\"CASTLE\"", "2027-04-01")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("HEAD_OFFICE_ONLY")));
        mvc.perform(put("/api/v1/municipalities/" + HINOHARA + "/parameters/no.such-parameter").with(as("hinohara-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(change(1, "2027-04-01")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/unknown-parameter"));
        mvc.perform(put(THRESHOLD).with(as("hinohara-admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":4,\"validFrom\":\"2027-04-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"));
        mvc.perform(put(THRESHOLD).with(as("hinohara-admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":4,\"standard\":true,\"validFrom\":\"2027-04-01\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/value-or-standard"));
    }

    @Test
    void standardDefaultsDependOnTheKindOfMunicipality() {
        // A designated city has ward offices by law (地方自治法第252条の20): its standard, not a customization.
        var yokohama = TenantContext.callAs(YOKOHAMA, Actor.SYSTEM, () ->
                parameters.get("tenancy.office-structure", LocalDate.of(2026, 6, 1)));
        assertThat(yokohama.value()).isEqualTo("WARD_OFFICES");
        assertThat(yokohama.deviates()).isFalse();
        // 鯖江市 (demo) opened a 支所 by ordinance: a local circumstance (class L) that deviates from its standard.
        var sabae = TenantContext.callAs(SABAE, Actor.SYSTEM, () ->
                parameters.get("tenancy.office-structure", LocalDate.of(2026, 6, 1)));
        assertThat(sabae.standardDefault()).isEqualTo("HEAD_OFFICE_ONLY");
        assertThat(sabae.value()).isEqualTo("WITH_BRANCHES");
        assertThat(sabae.deviates()).isTrue();
    }

    @Test
    void customizationReportCountsDeviationsByClass() throws Exception {
        // 鯖江市 demo: one catalogue parameter deviates (office structure, class L); the rate is deviating / catalogue
        // size, rounded to 4 decimals (ADR 5).
        int size = parameters.catalogue().size();
        java.math.BigDecimal rate = java.math.BigDecimal.ONE.divide(java.math.BigDecimal.valueOf(size), 4,
                java.math.RoundingMode.HALF_UP);
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/customization-report").param("at", "2026-06-01")
                        .with(as("sabae-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameters").value(size))
                .andExpect(jsonPath("$.deviating").value(1))
                .andExpect(jsonPath("$.byClass.L.deviating").value(1))
                .andExpect(jsonPath("$.byClass.A2.deviating").value(0))
                .andExpect(jsonPath("$.customizationRate").value(rate.doubleValue()))
                .andExpect(jsonPath("$.fitRate").value(java.math.BigDecimal.ONE.subtract(rate).doubleValue()))
                .andExpect(jsonPath("$.deviations[0].key").value("tenancy.office-structure"));
        // Before 鯖江市 went live (2025-10-01) nothing deviated.
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/customization-report").param("at", "2025-09-30")
                        .with(as("sabae-clerk")))
                .andExpect(jsonPath("$.deviating").value(0))
                .andExpect(jsonPath("$.customizationRate").value(0.0));
    }

    @Test
    void parameterHistoryCannotBeRewritten() {
        assertThatThrownBy(() -> TenantContext.runAs(SABAE, Actor.SYSTEM, () -> tx.executeWithoutResult(s ->
                jdbc.sql("update parameter_value set value = '\"HEAD_OFFICE_ONLY\"' where lg_code = ?").param(SABAE).update())))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantContext.runAs(SABAE, Actor.SYSTEM, () -> tx.executeWithoutResult(s ->
                jdbc.sql("delete from parameter_value where lg_code = ?").param(SABAE).update())))
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void catalogueListsEveryParameterWithItsBasis() throws Exception {
        mvc.perform(get("/api/v1/parameter-catalogue").with(as("operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key == 'security.session-timeout-minutes')].parameterClass").value("A2"))
                .andExpect(jsonPath("$[?(@.key == 'tenancy.office-structure')].legalBasis")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("地方自治法"))));
    }
}
