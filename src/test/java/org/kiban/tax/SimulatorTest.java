package org.kiban.tax;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public simulator: no sign-in, the same engine, no session kept. */
@KibanIntegrationTest
class SimulatorTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousVisitorSeesTheFormThenTheEstimate() throws Exception {
        mvc.perform(get("/simulator/resident-tax"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("個人住民税")))
                .andExpect(content().string(not(containsString("試算結果"))));
        // the family of 佐賀市's 令和7年度 計算例 (https://www.city.saga.lg.jp/main/1870.html), entered as a resident would
        mvc.perform(get("/simulator/resident-tax").param("taxYear", "2025").param("lgCode", "412015")
                        .param("age", "42").param("salary", "6000000").param("socialInsurance", "735000")
                        .param("spouse", "true").param("spouseAge", "40").param("childrenUnder16", "1")
                        .param("children19to22", "1").param("elderlyParentsCohabiting", "1"))
                .andExpect(status().isOk())
                .andExpect(request().sessionAttributeDoesNotExist("SPRING_SECURITY_CONTEXT"))
                .andExpect(content().string(containsString("佐賀市")))
                .andExpect(content().string(containsString("調整控除")))
                .andExpect(content().string(containsString("地方税法第37条・第314条の6")));
    }

    @Test
    void aResidentWhoAppliedForTheOneStopExceptionSeesTheIncomeTaxShareCredited() throws Exception {
        var gift = get("/simulator/resident-tax").param("taxYear", "2026").param("lgCode", "212016")
                .param("age", "40").param("salary", "5000000").param("socialInsurance", "700000").param("furusato", "50000");
        mvc.perform(gift)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("寄附金税額控除")))
                .andExpect(content().string(not(containsString("申告特例控除額"))));
        // 地方税法附則第5条の7: with the 特例 (no return filed) the income-tax share moves to the 所得割
        mvc.perform(gift.param("oneStop", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("申告特例控除額")))
                .andExpect(content().string(containsString("name=\"oneStop\" type=\"checkbox\" value=\"true\" checked")));
    }

    @Test
    void badMunicipalityCodeIsExplainedInJapanese() throws Exception {
        mvc.perform(get("/simulator/resident-tax").param("lgCode", "123456").param("salary", "3000000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("municipality.lgCode")));
    }
}
