package org.kiban.tenancy;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.kiban.TestAccounts.signIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The screens' shell: login, the tenant's home, the municipality list with live search, parameters, audit. */
@KibanIntegrationTest
class ScreensTest {

    @Autowired
    MockMvc mvc;

    @Test
    void loginPageIsJapanese() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"ja\""), containsString("ログイン"),
                        containsString("name=\"_csrf\""))));
    }

    @Test
    void homeShowsTheTenantTheOfficeAndTheCustomizationRate() throws Exception {
        mvc.perform(get("/").session(signIn(mvc, "yokohama-clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("横浜市 ホーム"), containsString("中区役所"),
                        containsString("住民記録担当"), containsString("カスタマイズ率"), containsString("稼働中"))));
    }

    @Test
    void operatorHomeListsTenantsWithoutTheirData() throws Exception {
        mvc.perform(get("/").session(signIn(mvc, "operator")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("共同利用の運用"), containsString("鯖江市"),
                        containsString("導入予定"))));
    }

    @Test
    void municipalityListFiltersAsTheClerkTypes() throws Exception {
        mvc.perform(get("/municipalities").session(signIn(mvc, "sabae-clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("hx-get"), containsString("地方公共団体一覧"))));
        mvc.perform(get("/municipalities/results").param("q", "さばえ").session(signIn(mvc, "sabae-clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("鯖江市"), not(containsString("横浜市")),
                        not(containsString("<html")))));
        mvc.perform(get("/municipalities/results").param("prefecture", "13").param("kind", "VILLAGE").session(signIn(mvc, "sabae-clerk")))
                .andExpect(content().string(allOf(containsString("檜原村"), containsString("<span>8</span> 件"))));
    }

    @Test
    void parameterAndAuditScreens() throws Exception {
        mvc.perform(get("/parameters").session(signIn(mvc, "sabae-admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("標準と異なる"), containsString("tenancy.office-structure"))));
        mvc.perform(get("/audit").session(signIn(mvc, "sabae-auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("login.succeeded")));
        mvc.perform(get("/audit").session(signIn(mvc, "sabae-clerk"))).andExpect(status().isForbidden());
    }

    @Test
    void unknownPagesShowAJapaneseErrorPage() throws Exception {
        mvc.perform(get("/problems/not-found"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("見つかりません")));
    }
}
