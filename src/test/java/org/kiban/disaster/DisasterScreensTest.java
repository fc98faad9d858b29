package org.kiban.disaster;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.tenancy.internal.StaffService;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.kiban.TestAccounts.signIn;
import static org.kiban.disaster.AidWorld.KUROSHIO;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The disaster screens, in Japanese, for the affected town, the helping town and one without an agreement. */
@KibanIntegrationTest
class DisasterScreensTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TenantService tenants;
    @Autowired
    StaffService staff;

    AidWorld w;

    @BeforeEach
    void world() throws Exception {
        w = AidWorld.get(mvc, tenants, staff);
    }

    @Test
    void theAffectedTownSeesItsAgreementsDisastersAndRegister() throws Exception {
        var session = signIn(mvc, "kuroshio-supervisor");
        mvc.perform(get("/disaster").session(session)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("相互応援協定（当団体の登録）"), containsString(AidWorld.AGREEMENT),
                        containsString("令和8年豪雨"), containsString("災害を宣言する"), containsString("災害対応"))));
        mvc.perform(post("/disaster/" + w.during + "/households").session(session).with(csrf())
                        .param("householdNo", w.household).param("damageRatio", "12.5"))
                .andExpect(redirectedUrl("/disaster/" + w.during))
                .andExpect(flash().attribute("notice", containsString("準半壊")));
        mvc.perform(get("/disaster/" + w.during).session(session)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("被災者台帳"), containsString(w.household),
                        containsString("高知県幡多郡黒潮町入野5893番地"), containsString("交付（PDF）"))));
        // A ratio and a level that disagree come back as a message on the same screen.
        mvc.perform(post("/disaster/" + w.during + "/households").session(session).with(csrf())
                        .param("householdNo", w.household).param("damageRatio", "55").param("damageLevel", "HALF_COLLAPSE"))
                .andExpect(flash().attribute("error", containsString("全壊")));
    }

    @Test
    void theHelpingTownLooksUpWithTheItemsItChoseAndTheReportShowsIt() throws Exception {
        var helper = signIn(mvc, "shimanto-clerk");
        mvc.perform(get("/disaster").session(helper)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("応援できる災害"), containsString("黒潮町"),
                        containsString("/mutual-aid/" + KUROSHIO + "/" + w.during))));
        mvc.perform(get("/mutual-aid/" + KUROSHIO + "/" + w.during).session(helper)
                        .param("kana", "ハマダ ウシオ").param("fields", "name"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("黒潮町 の応援業務"), containsString("浜田　潮"),
                        not(containsString("入野5893")))));
        mvc.perform(get("/mutual-aid/report").session(signIn(mvc, "kuroshio-auditor"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("団体間アクセスの報告"), containsString("四万十町"),
                        containsString("他団体の応援職員が当団体のデータに"), containsString("住民の照会"))));
    }

    @Test
    void aTownWithoutAnAgreementIsToldWhyAndSeesNoOne() throws Exception {
        mvc.perform(get("/mutual-aid/" + KUROSHIO + "/" + w.during).session(signIn(mvc, "tosa-clerk"))
                        .param("kana", "ハマダ").param("fields", "name"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("相互応援協定がないため"), not(containsString("浜田")))));
    }
}
