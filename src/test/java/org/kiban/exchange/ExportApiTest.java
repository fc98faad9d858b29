package org.kiban.exchange;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.exchange.internal.Manifest;
import org.kiban.exchange.internal.layout.LayoutFile;
import org.kiban.exchange.internal.layout.StandardLayout;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.resident.ResidentNotifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin API: the tenant's system administrator downloads the data set as a ZIP (files, then the manifest); a
 * delta after the manifest's cursor holds only the 異動 recorded since and the tax and care rows written or changed
 * since (ADR 0016); other roles are refused, other tenants' data is not found.
 */
@KibanIntegrationTest
class ExportApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    ResidentNotifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

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

    private String moveIn(String name, String kana, int lot) {
        return new Scenario(HINOHARA, notifications, json).submit("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-06-01","acknowledgeWarnings":true,
                 "address":{"address":"東京都西多摩郡檜原村%d番地"},"previousAddress":{"address":"東京都あきる野市"},
                 "persons":[{"name":"%s","nameKana":"%s","birthDate":"1990-01-01","sex":"MALE",
                   "relationship":"世帯主","permanentDomicile":"東京都あきる野市"}]}""".formatted(lot, name, kana))
                .records().get(0).atenaNo();
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
        // The state files are a delta too (by export generation): only the household the 転入 created, none of the
        // households the full export held.
        assertThat(m.entry("household.csv").rows()).isPositive();
        assertThat(lines(delta, "household.csv")).singleElement()
                .satisfies(h -> assertThat(residents).contains("," + h.substring(0, h.indexOf(',')) + ","));
        assertThat(d.entry("parameter.csv").rows()).isZero();
    }

    @Test
    void aDeltaHoldsOnlyTheTaxAndCareRowsWrittenOrChangedAfterTheCursor() throws Exception {
        String person = moveIn("税介 一郎", "ゼイカイ イチロウ", 9200);
        write("""
                insert into tax_return (lg_code, tax_year, atena_no, revision, content, recorded_at, recorded_by)
                values (?, 2026, ?, 1, '{"income":{"salary":1}}', '2026-03-01 09:00:00+09', 'staff:tax')""", person);
        write("""
                insert into care_special_status (lg_code, atena_no, seq, kind, facility_name, facility_kind, from_on,
                    recorded_at, recorded_by) values (?, ?, 1, 'OTHER_INSURER', '白樺荘', 'SPECIAL_NURSING_HOME',
                    '2026-04-05', '2026-04-10 09:00:00+09', 'staff:care')""", person);
        Manifest m = json.readValue(export(null).get("manifest.json"), Manifest.class);
        assertThat(m.cursor()).matches("n\\d+-c\\d+-g\\d+");

        // One tax row added (a second 申告), one care row changed in place (the stay ended).
        write("""
                insert into tax_return (lg_code, tax_year, atena_no, revision, content, recorded_at, recorded_by)
                values (?, 2026, ?, 2, '{"income":{"salary":2}}', '2026-03-10 09:00:00+09', 'staff:tax')""", person);
        write("update care_special_status set until_on = '2026-06-30' where lg_code = ? and atena_no = ? and seq = 1", person);

        Map<String, byte[]> delta = export(m.cursor());
        Manifest d = json.readValue(delta.get("manifest.json"), Manifest.class);
        assertThat(lines(delta, "tax_return.csv")).singleElement().asString().startsWith("2026," + person + ",2,");
        assertThat(lines(delta, "care_special_status.csv")).singleElement().asString()
                .startsWith(person + ",1,2,白樺荘,01,2026-04-05,2026-06-30,");
        for (LayoutFile f : StandardLayout.FILES) {
            if (LayoutFile.GENERATION.equals(f.deltaColumn()) && !f.file().equals("tax_return.csv")
                    && !f.file().equals("care_special_status.csv")) {
                assertThat(d.entry(f.file()).rows()).as(f.file()).isZero();
            }
        }
        // Nothing written since: the next delta has no tax or care row.
        Manifest again = json.readValue(export(d.cursor()).get("manifest.json"), Manifest.class);
        assertThat(again.entry("tax_return.csv").rows()).isZero();
        assertThat(again.entry("care_special_status.csv").rows()).isZero();

        // A cursor written before the generation existed (n…-c…) still works: it knows nothing of the tax and care rows
        // its export held, so they come whole (and so do the state files), while the resident files stay a delta.
        String old = m.cursor().replaceFirst("-g\\d+$", "");
        Map<String, byte[]> fromOld = export(old);
        Manifest o = json.readValue(fromOld.get("manifest.json"), Manifest.class);
        assertThat(o.since()).isEqualTo(old);
        assertThat(lines(fromOld, "tax_return.csv")).filteredOn(l -> l.startsWith("2026," + person + ",")).hasSize(2);
        assertThat(new String(fromOld.get("resident.csv"), StandardCharsets.UTF_8)).doesNotContain("税介");
        assertThat(o.entry("household.csv").rows()).isEqualTo(
                json.readValue(export(null).get("manifest.json"), Manifest.class).entry("household.csv").rows());
    }

    private List<String> lines(Map<String, byte[]> files, String file) {
        return new String(files.get(file), StandardCharsets.UTF_8).lines().skip(1).toList();
    }

    private void write(String sql, String atenaNo) {
        TenantContext.runAs(HINOHARA, Actor.system("test"),
                () -> tx.executeWithoutResult(s -> jdbc.sql(sql).params(HINOHARA, atenaNo).update()));
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
