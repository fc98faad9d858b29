package org.kiban.exchange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiban.KibanIntegrationTest;
import org.kiban.exchange.internal.Importer;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.TestAccounts.as;
import static org.kiban.TestAccounts.signIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 取込みエラー on the counter's work lists: what a standard-layout import or dry run found is kept after the import
 * rolled back, and shown with time, file, line, item and message to staff with the import permission of that tenant only.
 */
@KibanIntegrationTest
class ImportErrorWorkListTest {

    @Autowired
    Importer importer;
    @Autowired
    MockMvc mvc;

    @TempDir
    Path tmp;

    @Test
    void errorsOfImportsAndDryRunsAreKeptAndShownToImportStaffOfTheTenantOnly() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path broken = Files.createDirectories(tmp.resolve("broken-" + tag));
        Files.writeString(broken.resolve("manifest.json"), """
                {"layout":"kiban","layoutVersion":"0.9","lgCode":"%s","kind":"delta","files":[]}""".formatted(HINOHARA));
        Path empty = Files.createDirectories(tmp.resolve("empty-" + tag));

        Importer.Report dry = TenantContext.callAs(SABAE, Actor.system("test-import"),
                () -> importer.importFrom(SABAE, broken, new Importer.Options(true, false), null));
        Importer.Report real = TenantContext.callAs(SABAE, Actor.system("test-import"),
                () -> importer.importFrom(SABAE, empty, new Importer.Options(false, false), null));
        assertThat(dry.errorCount()).isEqualTo(4);
        assertThat(real.errorCount()).isEqualTo(1);
        assertThat(real.imported()).isFalse();

        MockHttpSession supervisor = signIn(mvc, "sabae-supervisor");
        String page = mvc.perform(get("/municipalities/" + SABAE + "/work-lists").session(supervisor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("取込みエラー", "broken-" + tag, "empty-" + tag, "layoutVersion", "kind", "lgCode",
                "レイアウトの版「0.9」は取り込めません", "マニフェスト（manifest.json）がありません。", "検査", "ファイル全体");
        String csvHref = page.replaceAll("(?s).*href=\"(/municipalities/" + SABAE + "/import-attempts/\\d+/errors\\.csv)\"[^<]*broken-" + tag + ".*", "$1");
        assertThat(csvHref).startsWith("/municipalities/" + SABAE + "/import-attempts/");
        mvc.perform(get(csvHref).session(supervisor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("ファイル,行,項目,内容")))
                .andExpect(content().string(containsString("manifest.json,0,layoutVersion,")));
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/audit").param("action", "exchange.import-errors-read")
                        .with(as("sabae-auditor")))
                .andExpect(jsonPath("$[*].actor").value(hasItem("staff:sabae-supervisor")));

        // The municipality's IT staff (システム管理者: imports, no registry reading) see the import errors, not the
        // registry's own lists.
        MockHttpSession admin = signIn(mvc, "sabae-admin");
        mvc.perform(get("/municipalities/" + SABAE + "/work-lists").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("broken-" + tag)))
                .andExpect(content().string(containsString("住民記録を参照できる職員に表示されます")))
                .andExpect(content().string(not(containsString("転入通知未着者一覧"))));

        // A clerk without the import permission: no list, no download.
        MockHttpSession clerk = signIn(mvc, "sabae-clerk");
        mvc.perform(get("/municipalities/" + SABAE + "/work-lists").session(clerk)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("broken-" + tag))))
                .andExpect(content().string(containsString("取込みの権限を持つ職員に表示されます")));
        mvc.perform(get(csvHref).session(clerk)).andExpect(status().isForbidden());

        // Another municipality's import staff: none of it, not even by the address of the download.
        MockHttpSession other = signIn(mvc, "hinohara-supervisor");
        mvc.perform(get("/municipalities/" + HINOHARA + "/work-lists").session(other)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("broken-" + tag))));
        mvc.perform(get(csvHref.replace(SABAE, HINOHARA)).session(other))
                .andExpect(content().string(not(containsString("レイアウトの版「0.9」"))));
        mvc.perform(get(csvHref).session(other)).andExpect(status().is(org.hamcrest.Matchers.oneOf(403, 404)));
    }
}
