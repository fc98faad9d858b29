package org.kiban.exchange;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.exchange.internal.Manifest;
import org.kiban.resident.ResidentNotifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin API: the tenant's system administrator downloads the data set as a ZIP (files, then the manifest); a
 * delta after the manifest's cursor holds only the 異動 recorded since; other roles are refused, other tenants' data is
 * not found.
 */
@KibanIntegrationTest
class ExportApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    ResidentNotifications notifications;

    private Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private Map<String, byte[]> export(String since) throws Exception {
        var req = get("/api/v1/municipalities/" + HINOHARA + "/exports").with(as("hinohara-admin"));
        if (since != null) {
            req = req.param("since", since);
        }
        byte[] body = mvc.perform(req).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        return unzip(body);
    }

    private void moveIn(String name, String kana, int lot) {
        new Scenario(HINOHARA, notifications, json).submit("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-06-01","acknowledgeWarnings":true,
                 "address":{"address":"東京都西多摩郡檜原村%d番地"},"previousAddress":{"address":"東京都あきる野市"},
                 "persons":[{"name":"%s","nameKana":"%s","birthDate":"1990-01-01","sex":"MALE",
                   "relationship":"世帯主","permanentDomicile":"東京都あきる野市"}]}""".formatted(lot, name, kana));
    }

    @Test
    void theAdministratorDownloadsAFullExportAndThenADeltaAfterItsCursor() throws Exception {
        moveIn("全件 花子", "ゼンケン ハナコ", 9100);
        Map<String, byte[]> full = export(null);
        assertThat(full.keySet()).containsExactly("household.csv", "notification.csv", "resident.csv",
                "protection_measure.csv", "protection_release.csv", "move_in_notice.csv", "adult_guardianship.csv",
                "seal_registration.csv", "certificate_issue.csv", "parameter.csv", "tax_income_report.csv", "tax_return.csv",
                "tax_assessment.csv", "care_insured.csv", "care_insured_event.csv", "care_special_status.csv",
                "care_premium_stage_table.csv", "care_tax_result.csv", "care_premium_assessment.csv",
                "care_certification_case.csv", "care_certification_step.csv", "care_eligibility_certificate_issue.csv",
                "manifest.json");
        Manifest m = json.readValue(full.get("manifest.json"), Manifest.class);
        assertThat(m.kind()).isEqualTo(Manifest.FULL);
        assertThat(m.lgCode()).isEqualTo(HINOHARA);
        assertThat(m.entry("resident.csv").bytes()).isEqualTo(full.get("resident.csv").length);

        assertThat(new String(full.get("resident.csv"), StandardCharsets.UTF_8)).contains("全件　花子");
        moveIn("差分 太郎", "サブン タロウ", 9101);
        Map<String, byte[]> delta = export(m.cursor());
        Manifest d = json.readValue(delta.get("manifest.json"), Manifest.class);
        assertThat(d.kind()).isEqualTo(Manifest.DELTA);
        assertThat(d.since()).isEqualTo(m.cursor());
        String residents = new String(delta.get("resident.csv"), StandardCharsets.UTF_8);
        assertThat(residents).contains("差分　太郎").doesNotContain("全件　花子");
        assertThat(d.entry("notification.csv").rows()).isGreaterThanOrEqualTo(1);
        assertThat(d.cursor()).isNotEqualTo(m.cursor());
    }

    @Test
    void othersAreRefused() throws Exception {
        mvc.perform(get("/api/v1/municipalities/" + HINOHARA + "/exports").with(as("hinohara-clerk")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/municipalities/" + HINOHARA + "/exports").with(as("sabae-admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/municipalities/" + HINOHARA + "/exports").param("since", "yesterday")
                .with(as("hinohara-admin"))).andExpect(status().isBadRequest());
    }
}
