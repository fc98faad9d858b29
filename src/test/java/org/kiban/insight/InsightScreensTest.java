package org.kiban.insight;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.kiban.TestAccounts.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The four dashboards on screen, with the demo groups (福井県, デモ3団体) the demo mode loads. */
@KibanIntegrationTest
class InsightScreensTest {

    @Autowired
    MockMvc mvc;

    @Test
    void onboardingDashboardShowsMembersWarningsAndProposal() throws Exception {
        MockHttpSession operator = signIn(mvc, "operator");
        mvc.perform(get("/insight/onboarding").param("group", "fukui").param("from", "2026-10").session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("導入計画（五月雨方式）"), containsString("越前町"),
                        containsString("2027年10月に3団体が本稼働予定です（月あたりの上限 2 団体）"),
                        containsString("個人住民税の当初課税期"), containsString("提案する本稼働日"),
                        containsString("data-chart=\"onboarding-timeline\""), containsString("id=\"chart-data\""),
                        containsString("/vendor/echarts/echarts.min.js"))));
    }

    @Test
    void customizationDashboardComparesTheDemoTenants() throws Exception {
        mvc.perform(get("/insight/customization").param("group", "demo-tenants").session(signIn(mvc, "operator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("横浜市"), containsString("鯖江市"), containsString("檜原村"),
                        containsString("眼鏡産業統計との連携"), containsString("コンビニ交付と同じ250円にしたい"),
                        containsString("customization.csv"), containsString("適合率"))));
    }

    @Test
    void groupingDashboardByPopulation() throws Exception {
        // 福井県: 17 municipalities, 767,561 residents (住民基本台帳 2022-01-01).
        mvc.perform(get("/insight/grouping").param("scope", "18").session(signIn(mvc, "operator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("福井県：17 団体、人口 767,561 人"),
                        containsString("人口 10,000 人未満"), containsString("人口 200,000 人以上"))));
    }

    @Test
    void costDashboardSimulatesSavesAndPrints() throws Exception {
        MockHttpSession operator = signIn(mvc, "operator");
        mvc.perform(get("/insight/cost").param("group", "fukui").session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("費用効果の試算"), containsString("6年目"),
                        containsString("福井県 16市町（福井市を除く）の試算"))));
        String form = "name=2町&years=2&members=313025+313254&soloInitialPerMember=1000&soloMigrationPerMember=0"
                + "&soloYearlyPerMember=100&soloLawChangePerMemberPerYear=0&soloStaffFtePerMember=0&jointInitialTotal=1000"
                + "&jointMigrationPerMember=0&jointYearlyTotal=100&jointLawChangeTotalPerYear=0&jointStaffFtePerMember=0"
                + "&staffCostPerFte=0&soloGrantRate=0&jointGrantRate=0&equalShareRatio=1";
        // Solo: 2 × 1,000 + 2 × 100 = 2,200 then 200; joint: 1,000 + 100 = 1,100 then 100 → saving 1,200.
        mvc.perform(post("/insight/cost").session(operator).with(csrf())
                        .contentType("application/x-www-form-urlencoded").content(form + "&action=simulate"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2,400 円"), containsString("1,200 円"), containsString("岩美町"))));
        mvc.perform(post("/insight/cost").session(operator).with(csrf())
                        .contentType("application/x-www-form-urlencoded").content(form.replace("years=2", "years=0") + "&action=simulate"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("年数は1〜20年で指定してください。")));
        String location = mvc.perform(post("/insight/cost").session(operator).with(csrf())
                        .contentType("application/x-www-form-urlencoded").content(form + "&action=save"))
                .andExpect(redirectedUrlPattern("/insight/cost?scenario=*"))
                .andReturn().getResponse().getRedirectedUrl();
        String id = location.substring(location.indexOf('=') + 1);
        mvc.perform(get("/insight/cost/" + id + "/report.pdf").session(operator))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"));
    }

    @Test
    void staffOfATenantCannotOpenTheDashboards() throws Exception {
        mvc.perform(get("/insight/onboarding").session(signIn(mvc, "sabae-admin"))).andExpect(status().isForbidden());
    }
}
