package org.kiban.disaster;

import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.tenancy.internal.StaffService;
import org.kiban.tenancy.internal.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.as;
import static org.kiban.disaster.AidWorld.KUROSHIO;
import static org.kiban.disaster.AidWorld.SHIMANTO;
import static org.kiban.disaster.AidWorld.TOSA;
import static org.kiban.disaster.AidWorld.YUSUHARA;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The boundaries of mutual aid (issue 9 item 5; 災害対策基本法第67条): staff of another party look up the affected
 * municipality's residents only under an agreement both registered, for a declared disaster, inside the aid
 * period, for the items in scope — and every attempt lands in both municipalities' audit chains.
 */
@KibanIntegrationTest
class MutualAidTest {

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

    private ResultActions lookup(String helper, String affected, int disasterNo, String fields, String... criteria)
            throws Exception {
        var req = get("/api/v1/municipalities/" + helper + "/mutual-aid/" + affected + "/disasters/" + disasterNo + "/residents")
                .with(as(AidWorld.prefix(helper) + "-clerk")).param("fields", fields);
        for (int i = 0; i + 1 < criteria.length; i += 2) {
            req = req.param(criteria[i], criteria[i + 1]);
        }
        return mvc.perform(req);
    }

    private DocumentContext report(String lg) throws Exception {
        return JsonPath.parse(mvc.perform(get("/api/v1/municipalities/" + lg + "/mutual-aid/accesses")
                        .with(as(AidWorld.prefix(lg) + "-auditor")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void duringTheAidPeriodAPartyLooksUpResidentsWithTheItemsAskedForOnly() throws Exception {
        lookup(SHIMANTO, KUROSHIO, w.during, "name,address,household", "kana", "ハマダ")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[?(@.atenaNo == '" + w.head + "')].name").value("浜田　潮"))
                .andExpect(jsonPath("$[?(@.atenaNo == '" + w.head + "')].address").value("高知県幡多郡黒潮町入野5893番地"))
                .andExpect(jsonPath("$[?(@.atenaNo == '" + w.head + "')].householdNo").value(w.household))
                .andExpect(jsonPath("$[?(@.atenaNo == '" + w.child + "')].relationship").value("子"))
                // Not asked for, so not returned: the minimum the counter needs.
                .andExpect(jsonPath("$[0].birthDate").doesNotExist())
                .andExpect(jsonPath("$[0].individualNumber").doesNotExist())
                .andExpect(jsonPath("$[0].juminhyoCode").doesNotExist())
                // A person under a 支援措置: found, flagged, whereabouts withheld from the other municipality.
                .andExpect(jsonPath("$[?(@.atenaNo == '" + w.protectedPerson + "')].protected").value(true))
                .andExpect(jsonPath("$[?(@.atenaNo == '" + w.protectedPerson + "')].address").isEmpty());
    }

    @Test
    void beforeTheAidPeriodTheLookupIsRefused() throws Exception {
        lookup(SHIMANTO, KUROSHIO, w.before, "name", "kana", "ハマダ")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/aid-not-started"));
    }

    @Test
    void afterTheAidPeriodTheLookupIsRefused() throws Exception {
        // The affected town ended the aid yesterday.
        lookup(SHIMANTO, KUROSHIO, w.after, "name", "kana", "ハマダ")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/aid-period-over"));
        // The agreement itself ended yesterday: its aid period cannot outlast it.
        lookup(YUSUHARA, KUROSHIO, w.agreementOver, "name", "kana", "ハマダ")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/aid-period-over"));
    }

    @Test
    void itemsOutsideTheAgreementAreRefusedAndItemsOutsideTheCatalogueDoNotExist() throws Exception {
        // 性別 is not in the agreement's scope; neither is searching by it.
        lookup(SHIMANTO, KUROSHIO, w.during, "name,sex", "kana", "ハマダ")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/aid-out-of-scope"));
        // 個人番号 is not an item of mutual aid at all.
        lookup(SHIMANTO, KUROSHIO, w.during, "name,individualNumber", "kana", "ハマダ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/unknown-field"));
    }

    @Test
    void aTenantWithoutAnAgreementIsRefusedAndTheAffectedTenantIsNotTouched() throws Exception {
        lookup(TOSA, KUROSHIO, w.during, "name", "kana", "ハマダ")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/no-mutual-aid-agreement"));
        // Nor can it go round the gate: another municipality's path does not exist for it.
        mvc.perform(get("/api/v1/municipalities/" + KUROSHIO + "/residents").param("kana", "ハマダ").with(as("tosa-clerk")))
                .andExpect(status().isNotFound());
        List<String> tosaEntries = report(TOSA).read("$[*].action");
        assertThat(tosaEntries).contains("mutual-aid.refused");
        List<String> helpersSeenByKuroshio = report(KUROSHIO).read("$[*].detail");
        assertThat(helpersSeenByKuroshio).noneMatch(d -> d.contains("\"helper\":\"" + TOSA + "\""));
    }

    @Test
    void anAgreementRegisteredByOneSideOnlyGrantsNothing() throws Exception {
        // 梼原町's own copy names 黒潮町, but 黒潮町's copy of that agreement does not name 梼原町.
        lookup(YUSUHARA, KUROSHIO, w.during, "name", "kana", "ハマダ")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/no-mutual-aid-agreement"));
    }

    @Test
    void everyCrossTenantAccessIsInBothAuditChainsAndOnBothReports() throws Exception {
        lookup(SHIMANTO, KUROSHIO, w.during, "name,birthDate", "birthDate", "昭和45年7月7日").andExpect(status().isOk())
                .andExpect(jsonPath("$[0].atenaNo").value(w.head));
        lookup(SHIMANTO, KUROSHIO, w.before, "name", "kana", "ハマダ").andExpect(status().isForbidden());

        DocumentContext affected = report(KUROSHIO);
        DocumentContext helper = report(SHIMANTO);
        String allowed = "$[?(@.action == 'mutual-aid.residents-looked-up')]";
        List<String> affectedActors = affected.read(allowed + ".actor");
        List<String> helperActors = helper.read(allowed + ".actor");
        // In the affected town's chain the actor is the other town's clerk, marked as such; in the helper's, its own.
        assertThat(affectedActors).contains("staff:shimanto-clerk@" + SHIMANTO);
        assertThat(helperActors).contains("staff:shimanto-clerk");
        List<String> affectedDetails = affected.read(allowed + ".detail");
        assertThat(affectedDetails).anyMatch(d -> d.contains(w.head) && d.contains("\"helper\":\"" + SHIMANTO + "\""));
        List<String> helperDetails = helper.read(allowed + ".detail");
        assertThat(helperDetails).anyMatch(d -> d.contains(w.head) && d.contains("\"affected\":\"" + KUROSHIO + "\""));
        // The refusal is in both chains too (黒潮町 has an agreement with 四万十町).
        List<String> refusedAffected = affected.read("$[?(@.action == 'mutual-aid.refused')].detail");
        List<String> refusedHelper = helper.read("$[?(@.action == 'mutual-aid.refused')].detail");
        assertThat(refusedAffected).anyMatch(d -> d.contains("aid-not-started") && d.contains(SHIMANTO));
        assertThat(refusedHelper).anyMatch(d -> d.contains("aid-not-started"));
        // Both chains still verify.
        for (String lg : List.of(KUROSHIO, SHIMANTO)) {
            mvc.perform(get("/api/v1/municipalities/" + lg + "/audit/verification").with(as(AidWorld.prefix(lg) + "-auditor")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));
        }
    }

    @Test
    void onlyResponsibleStaffRegisterAgreementsAndDeclareDisasters() throws Exception {
        for (String path : List.of("/mutual-aid-agreements", "/disasters")) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .post("/api/v1/municipalities/" + SHIMANTO + path).with(as("shimanto-clerk"))
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void aPartySeesTheDisastersItMayHelpWithToday() throws Exception {
        mvc.perform(get("/api/v1/municipalities/" + SHIMANTO + "/mutual-aid/disasters").with(as("shimanto-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].disasterNo").value(org.hamcrest.Matchers.contains(w.during)));
        mvc.perform(get("/api/v1/municipalities/" + TOSA + "/mutual-aid/disasters").with(as("tosa-clerk")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }
}
