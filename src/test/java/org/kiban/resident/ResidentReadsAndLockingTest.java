package org.kiban.resident;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Concurrent edits of one household, audited reads, the 個人番号 rule, and isolation of the registry. */
@KibanIntegrationTest
class ResidentReadsAndLockingTest {

    @Autowired
    MockMvc mvc;

    @Test
    void twoClerksEditingTheSameHousehold_theSecondGets409() throws Exception {
        RegistryClient registry = new RegistryClient(mvc, HINOHARA, "hinohara-clerk");
        Family f = Family.moveIn(registry, 48);
        registry.get("/households/" + f.household)
                .andExpect(header().string("ETag", "\"" + f.version + "\""))
                .andExpect(jsonPath("$.members.length()").value(3));
        String move = """
                {"type":"MOVE_WITHIN","effectiveDate":"2026-05-01","expectedVersions":{"%s":%d},
                 "atenaNos":["%s","%s","%s"],"address":{"address":"東京都西多摩郡檜原村%s番地"}}""";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = new ArrayList<>();
            for (String number : new String[] {"4001", "4002"}) {
                both.add(() -> registry.notify(move.formatted(f.household, f.version, f.head, f.wife, f.child, number))
                        .andReturn().getResponse().getStatus());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(both)) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
        registry.get("/residents/" + f.head + "/history").andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void everyPersonShownIsAnAuditEntry() throws Exception {
        RegistryClient registry = new RegistryClient(mvc, HINOHARA, "hinohara-clerk");
        Family f = Family.moveIn(registry, 49);
        registry.get("/residents/" + f.wife).andExpect(status().isOk());
        registry.get("/residents", "name", f.surname, "birthDate", f.result.<String>read("$.records[0].birthDate"))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/municipalities/" + HINOHARA + "/audit").param("action", "resident.viewed")
                        .param("targetId", f.wife).with(as("hinohara-auditor")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].actor").value("staff:hinohara-clerk"))
                .andExpect(jsonPath("$[0].individualNumberShown").value(false));
        mvc.perform(get("/api/v1/municipalities/" + HINOHARA + "/audit").param("action", "resident.viewed")
                        .param("targetId", f.head).with(as("hinohara-auditor")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].detail").value(containsString("search")));
    }

    @Test
    void individualNumberIsShownOnlyToEntitledStaffWhoAskAndTheReadSaysSo() throws Exception {
        RegistryClient registry = new RegistryClient(mvc, SABAE, "sabae-clerk");
        DocumentContext in = registry.accepted("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-10","address":{"address":"福井県鯖江市旭町一丁目1番1号"},
                 "previousAddress":{"address":"福井県越前市"},
                 "persons":[{"name":"宇野 誠","nameKana":"ウノ マコト","birthDate":"昭和50年10月10日","sex":"MALE",
                   "relationship":"世帯主","permanentDomicile":"福井県越前市","individualNumber":"983205673214"}]}""");
        String atenaNo = RegistryClient.atenaNoOf(in, "宇野　誠");
        assertThat(in.<String>read("$.records[0].individualNumber")).isEqualTo("************");
        registry.get("/residents/" + atenaNo).andExpect(jsonPath("$.record.individualNumber").value("************"));
        registry.get("/residents/" + atenaNo, "withIndividualNumber", "true")
                .andExpect(jsonPath("$.record.individualNumber").value("983205673214"));
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/residents/" + atenaNo).param("withIndividualNumber", "true")
                        .with(as("sabae-tax")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/individual-number-not-entitled"));
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/audit").param("action", "resident.viewed")
                        .param("targetId", atenaNo).with(as("sabae-auditor")))
                .andExpect(jsonPath("$[?(@.individualNumberShown == true)].actor").value(org.hamcrest.Matchers.contains("staff:sabae-clerk")));
        // Searching by 個人番号 finds the person and is logged as such.
        registry.get("/residents", "individualNumber", "983205673214").andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void anotherTenantsResidentDoesNotExist() throws Exception {
        RegistryClient sabae = new RegistryClient(mvc, SABAE, "sabae-clerk");
        DocumentContext in = sabae.accepted("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-11","address":{"address":"福井県鯖江市旭町二丁目2番2号"},
                 "previousAddress":{"address":"福井県越前市"},
                 "persons":[{"name":"江藤 明","nameKana":"エトウ アキラ","birthDate":"昭和51年1月1日","sex":"MALE",
                   "relationship":"世帯主","permanentDomicile":"福井県越前市"}]}""");
        String atenaNo = RegistryClient.atenaNoOf(in, "江藤　明");
        // 宛名番号 are numbered per municipality, so the same number in 檜原村 is someone else, never 江藤 明.
        var other = mvc.perform(get("/api/v1/municipalities/" + HINOHARA + "/residents/" + atenaNo).with(as("hinohara-clerk")))
                .andReturn().getResponse();
        assertThat(other.getStatus()).isIn(200, 404);
        assertThat(other.getContentAsString()).doesNotContain("江藤");
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/residents/" + atenaNo).with(as("hinohara-clerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/municipalities/" + HINOHARA + "/residents").param("kana", "エトウ アキラ").with(as("hinohara-clerk")))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void kanaSearchFollowsTheStandardsFuzzyRules_spec1_11() throws Exception {
        RegistryClient registry = new RegistryClient(mvc, SABAE, "sabae-clerk");
        registry.accepted("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-12","address":{"address":"福井県鯖江市桜町三丁目3番3号"},
                 "previousAddress":{"address":"福井県越前市"},
                 "persons":[{"name":"大野 譲二","nameKana":"オオノ ジョウジ","birthDate":"昭和52年2月2日","sex":"MALE",
                   "relationship":"世帯主","permanentDomicile":"福井県越前市"},
                  {"name":"大野 ゆう子","nameKana":"オオノ ユウコ","birthDate":"昭和53年3月3日","sex":"FEMALE",
                   "relationship":"妻","permanentDomicile":"福井県越前市"}]}""");
        // ウ after an お段 sound reads as オ; 濁点 and small kana are ignored; search by 名 only; hiragana works.
        registry.get("/residents", "kana", "オウノ ショウシ").andExpect(jsonPath("$.total").value(1));
        registry.get("/residents", "kana", "おおの").andExpect(jsonPath("$.total").value(2));
        registry.get("/residents", "kana", "ユウコ").andExpect(jsonPath("$.results[0].record.name").value("大野　ゆう子"));
        // Results come sorted by フリガナ: オオノ ジョウジ before オオノ ユウコ.
        registry.get("/residents", "kana", "オオノ")
                .andExpect(jsonPath("$.results[0].record.nameKana").value("オオノ　ジョウジ"))
                .andExpect(jsonPath("$.results[1].record.nameKana").value("オオノ　ユウコ"));
        // 西暦 or 和暦 birth date, the same answer.
        registry.get("/residents", "birthDate", "1977-02-02", "kana", "オオノ").andExpect(jsonPath("$.total").value(1));
        registry.get("/residents", "birthDate", "S52.2.2", "kana", "オオノ").andExpect(jsonPath("$.total").value(1));
        registry.get("/residents").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/search-criteria-required"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsNothingTwice() throws Exception {
        String json = """
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-13","address":{"address":"福井県鯖江市日の出町4番4号"},
                 "previousAddress":{"address":"福井県越前市"},
                 "persons":[{"name":"南 聡","nameKana":"ミナミ サトシ","birthDate":"昭和56年6月6日","sex":"MALE",
                   "relationship":"世帯主","permanentDomicile":"福井県越前市"}]}""";
        var first = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/municipalities/" + SABAE + "/notifications").with(as("sabae-clerk"))
                        .header("Idempotency-Key", "counter-3-20260413-0001")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var again = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/municipalities/" + SABAE + "/notifications").with(as("sabae-clerk"))
                        .header("Idempotency-Key", "counter-3-20260413-0001")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.parse(again).<Object>read("$.notificationNo"))
                .isEqualTo(com.jayway.jsonpath.JsonPath.parse(first).<Object>read("$.notificationNo"));
        new RegistryClient(mvc, SABAE, "sabae-clerk").get("/residents", "kana", "ミナミ サトシ")
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/municipalities/" + SABAE + "/notifications").with(as("sabae-clerk"))
                        .header("Idempotency-Key", "counter-3-20260413-0001")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(json.replace("南 聡", "南 悟")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/idempotency-key-reused"));
    }
}
