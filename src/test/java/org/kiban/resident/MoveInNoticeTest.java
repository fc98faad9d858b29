package org.kiban.resident;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.common.CheckDigits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 転入通知 (住民基本台帳法第9条第1項; standards.md §1.4 除票 items, §1.9 転出): recorded by hand on the 除票 of a 国内転出,
 * delivered automatically between two Kiban tenants, and listed as 「転入通知の未着」 after the waiting period.
 */
@KibanIntegrationTest
class MoveInNoticeTest {

    @Autowired
    MockMvc mvc;

    private static String juminhyoCode() {
        String base = String.format("%010d", ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        return base + CheckDigits.juminhyoCode(base);
    }

    /** A household of two moved in to {@code lg} and moved out on 2026-10-01 towards {@code destinationLg}. */
    private record MovedOut(String head, String child, String headCode, String childCode, String name, String birth) {
    }

    private MovedOut movedOut(RegistryClient registry, String address, String destinationLg, String destination) throws Exception {
        String headCode = juminhyoCode();
        String childCode = juminhyoCode();
        String surname = "転出" + "一二三四五六七八九".charAt(ThreadLocalRandom.current().nextInt(9));
        String birth = "19" + (50 + ThreadLocalRandom.current().nextInt(40)) + "-0" + (1 + ThreadLocalRandom.current().nextInt(9)) + "-1"
                + ThreadLocalRandom.current().nextInt(10);
        DocumentContext in = registry.accepted("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","notifiedOn":"2026-04-01","acknowledgeWarnings":true,
                 "address":{"address":"%s"},"previousAddress":{"address":"東京都八王子市元本郷町三丁目24番1号"},
                 "persons":[
                  {"name":"%s 健","nameKana":"テンシュツ ケン","birthDate":"%s","sex":"MALE","relationship":"世帯主",
                   "permanentDomicile":"福井県鯖江市西山町1番地","juminhyoCode":"%s"},
                  {"name":"%s 翔","nameKana":"テンシュツ ショウ","birthDate":"2015-04-10","sex":"MALE","relationship":"子",
                   "permanentDomicile":"福井県鯖江市西山町1番地","juminhyoCode":"%s"}]}"""
                .formatted(address, surname, birth, headCode, surname, childCode));
        String head = RegistryClient.atenaNoOf(in, surname + "　健");
        String child = RegistryClient.atenaNoOf(in, surname + "　翔");
        registry.accepted("""
                {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"2026-10-01","notifiedOn":"2026-09-20","acknowledgeWarnings":true,
                 "atenaNos":["%s","%s"],"destination":{"address":"%s"},"destinationLgCode":"%s"}"""
                .formatted(head, child, destination, destinationLg));
        return new MovedOut(head, child, headCode, childCode, surname + "　健", birth);
    }

    private ResultActions notice(String user, String lg, String atenaNo, String json) throws Exception {
        return mvc.perform(post("/api/v1/municipalities/" + lg + "/residents/" + atenaNo + "/move-in-notice").with(as(user))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static void japaneseProblem(ResultActions r, int status) throws Exception {
        r.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(matchesPattern(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*")));
    }

    @Test
    void aNoticeEnteredByHandIsRecordedOnceOnTheRemovedRecordAndFixesTheMoveOutDate_article9() throws Exception {
        RegistryClient sabae = new RegistryClient(mvc, SABAE, "sabae-clerk");
        MovedOut p = movedOut(sabae, "福井県鯖江市西山町13番1号", "131016", "東京都千代田区千代田1番1号");
        String good = """
                {"receivedOn":"2026-10-05","movedInOn":"2026-09-28","newAddress":"東京都千代田区千代田1番1号","notifyingLgCode":"131016"}""";

        // Bad input: 400 problem documents with a Japanese detail, nothing recorded.
        japaneseProblem(notice("sabae-clerk", SABAE, p.head(), """
                {"receivedOn":"2026-10-05","newAddress":"東京都千代田区千代田1番1号","notifyingLgCode":"131016"}"""), 400);
        japaneseProblem(notice("sabae-clerk", SABAE, p.head(), """
                {"receivedOn":"2026-10-05","movedInOn":"2026-10-06","newAddress":"東京都千代田区","notifyingLgCode":"131016"}"""), 400);
        japaneseProblem(notice("sabae-clerk", SABAE, p.head(), """
                {"receivedOn":"2026-10-05","movedInOn":"2026-09-28","newAddress":"東京都千代田区","notifyingLgCode":"131017"}"""), 400);
        japaneseProblem(notice("sabae-clerk", SABAE, p.head(), """
                {"receivedOn":"2026-10-05","movedInOn":"2026-09-28","newAddress":"東京都千代田区","notifyingLgCode":"182079"}"""), 400);
        japaneseProblem(notice("sabae-clerk", SABAE, p.head(), """
                {"receivedOn":"2026-13-05","movedInOn":"2026-09-28","newAddress":"東京都千代田区","notifyingLgCode":"131016"}"""), 400);
        japaneseProblem(notice("sabae-clerk", SABAE, p.head(), """
                {"receivedOn":"2099-10-05","movedInOn":"2026-09-28","newAddress":"東京都千代田区","notifyingLgCode":"131016"}"""), 400);
        japaneseProblem(notice("sabae-clerk", SABAE, p.head(), ""), 400);
        sabae.get("/residents/" + p.head() + "/move-in-notice").andExpect(status().isNotFound());

        // Not moved out: refused; a clerk without write permission: refused.
        String resident = Family.moveIn(sabae, 31, false, "福井県鯖江市本町1番地", null).head;
        japaneseProblem(notice("sabae-clerk", SABAE, resident, good), 409);
        notice("sabae-care", SABAE, p.head(), good).andExpect(status().isForbidden());

        // Recorded: the 転出 becomes final at the earlier date (the 転入日 here).
        notice("sabae-clerk", SABAE, p.head(), good).andExpect(status().isCreated())
                .andExpect(jsonPath("$.movedOutOn").value("2026-09-28"))
                .andExpect(jsonPath("$.plannedOn").value("2026-10-01"))
                .andExpect(jsonPath("$.channel").value("MANUAL"));
        // The same again: answered, nothing more; a different one: refused.
        notice("sabae-clerk", SABAE, p.head(), good).andExpect(status().isOk())
                .andExpect(jsonPath("$.receivedOn").value("2026-10-05"));
        japaneseProblem(notice("sabae-clerk", SABAE, p.head(), good.replace("2026-10-05", "2026-10-06")), 409);
        sabae.get("/residents/" + p.head() + "/move-in-notice").andExpect(status().isOk())
                .andExpect(jsonPath("$.receivedOn").value("2026-10-05"))
                .andExpect(jsonPath("$.newAddress").value("東京都千代田区千代田1番1号"));
        // A later 転入日 than planned leaves the 転出予定日.
        notice("sabae-clerk", SABAE, p.child(), good.replace("2026-09-28", "2026-10-03")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.movedOutOn").value("2026-10-01"));

        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/audit").param("targetId", p.head()).with(as("sabae-auditor")))
                .andExpect(jsonPath("$[*].action").value(hasItems("resident.move-in-notice-recorded", "resident.move-in-notice-read")));

        // Another municipality's clerk sees none of it.
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/residents/" + p.head() + "/move-in-notice").with(as("hinohara-clerk")))
                .andExpect(status().is(org.hamcrest.Matchers.oneOf(403, 404)));
        new RegistryClient(mvc, HINOHARA, "hinohara-clerk").get("/residents/" + p.head() + "/move-in-notice")
                .andExpect(status().isNotFound());
    }

    @Test
    void missingNoticesAreListedAfterTheWaitingPeriodOnly() throws Exception {
        RegistryClient sabae = new RegistryClient(mvc, SABAE, "sabae-clerk");
        MovedOut p = movedOut(sabae, "福井県鯖江市西山町14番1号", "131016", "東京都千代田区千代田2番1号");
        // The standard default: 30 days after the 転出予定日 2026-10-01.
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/parameters/resident.move-in-notice.wait-days").with(as("sabae-clerk")))
                .andExpect(jsonPath("$.value").value(30)).andExpect(jsonPath("$.fromStandard").value(true));
        sabae.get("/move-in-notices/outstanding", "date", "2026-10-31")
                .andExpect(jsonPath("$[*].atenaNo").value(not(hasItem(p.head()))));
        sabae.get("/move-in-notices/outstanding", "date", "2026-11-01")
                .andExpect(jsonPath("$[*].atenaNo").value(hasItems(p.head(), p.child())))
                .andExpect(jsonPath("$[?(@.atenaNo == '" + p.head() + "')].daysSince").value(hasItem(31)));
        // The other tenant's list does not show them.
        new RegistryClient(mvc, HINOHARA, "hinohara-clerk").get("/move-in-notices/outstanding", "date", "2026-11-01")
                .andExpect(jsonPath("$[*].atenaNo").value(not(hasItem(p.head()))));

        // The counter's work list and its CSV show them; once the notice is in, they are gone.
        var session = org.kiban.TestAccounts.signIn(mvc, "sabae-clerk");
        mvc.perform(get("/municipalities/" + SABAE + "/work-lists").param("date", "2026-11-01").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("転入通知の未着")))
                .andExpect(content().string(containsString("/municipalities/" + SABAE + "/residents/" + p.head())));
        mvc.perform(get("/municipalities/" + SABAE + "/work-lists/move-in-notices-outstanding.csv").param("date", "2026-11-01")
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("宛名番号,氏名,生年月日,転出予定日")))
                .andExpect(content().string(containsString(p.head() + "," + p.name())));
        notice("sabae-clerk", SABAE, p.head(), """
                {"receivedOn":"2026-11-02","movedInOn":"2026-10-01","newAddress":"東京都千代田区千代田2番1号","notifyingLgCode":"131016"}""")
                .andExpect(status().isCreated());
        sabae.get("/move-in-notices/outstanding", "date", "2026-11-03")
                .andExpect(jsonPath("$[*].atenaNo").value(not(hasItem(p.head()))))
                .andExpect(jsonPath("$[*].atenaNo").value(hasItem(p.child())));
        mvc.perform(get("/municipalities/" + HINOHARA + "/work-lists").param("date", "2026-11-01")
                        .session(org.kiban.TestAccounts.signIn(mvc, "hinohara-clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(p.child()))));
    }

    @Test
    void aMoveInCitingAMoveOutFromAnotherKibanTenantDeliversTheNoticeThere() throws Exception {
        RegistryClient sabae = new RegistryClient(mvc, SABAE, "sabae-clerk");
        RegistryClient hinohara = new RegistryClient(mvc, HINOHARA, "hinohara-clerk");
        MovedOut p = movedOut(sabae, "福井県鯖江市西山町15番1号", HINOHARA, "東京都西多摩郡檜原村500番地");

        // A wrong municipality moved from is refused and records nothing.
        String moveIn = """
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-09-29","notifiedOn":"2026-09-29","acknowledgeWarnings":true,
                 "address":{"address":"東京都西多摩郡檜原村500番地"},"previousAddress":{"address":"福井県鯖江市西山町15番1号"},
                 "previousLgCode":"%s",
                 "persons":[
                  {"name":"%s","nameKana":"テンシュツ ケン","birthDate":"%s","sex":"MALE","relationship":"世帯主",
                   "permanentDomicile":"福井県鯖江市西山町1番地","juminhyoCode":"%s"},
                  {"name":"%s","nameKana":"テンシュツ ショウ","birthDate":"2015-04-10","sex":"MALE","relationship":"子",
                   "permanentDomicile":"福井県鯖江市西山町1番地","juminhyoCode":"%s"}]}""";
        String childName = p.name().replace("健", "翔");
        japaneseProblem(hinohara.notify(moveIn.formatted("182078", p.name(), p.birth(), p.headCode(), childName, p.childCode())), 400);
        japaneseProblem(hinohara.notify(moveIn.formatted(HINOHARA, p.name(), p.birth(), p.headCode(), childName, p.childCode())), 400);
        hinohara.get("/residents", "juminhyoCode", p.headCode()).andExpect(jsonPath("$.total").value(0));

        DocumentContext in = hinohara.accepted(moveIn.formatted(SABAE, p.name(), p.birth(), p.headCode(), childName, p.childCode()));
        String newHead = RegistryClient.atenaNoOf(in, p.name());

        // Delivered after commit, in Sabae's own context.
        DocumentContext notice = null;
        for (int i = 0; i < 100 && notice == null; i++) {
            var r = sabae.get("/residents/" + p.head() + "/move-in-notice").andReturn().getResponse();
            if (r.getStatus() == 200) {
                notice = JsonPath.parse(r.getContentAsString());
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(notice).as("the 転入通知 arrives in 鯖江市").isNotNull();
        assertThat(notice.<String>read("$.channel")).isEqualTo("AUTOMATIC");
        assertThat(notice.<String>read("$.notifyingLgCode")).isEqualTo(HINOHARA);
        assertThat(notice.<String>read("$.movedInOn")).isEqualTo("2026-09-29");
        assertThat(notice.<String>read("$.movedOutOn")).isEqualTo("2026-09-29");
        assertThat(notice.<String>read("$.newAddress")).isEqualTo("東京都西多摩郡檜原村500番地");
        assertThat(notice.<Number>read("$.sourceNotificationNo").longValue()).isEqualTo(in.<Number>read("$.notificationNo").longValue());
        sabae.get("/residents/" + p.child() + "/move-in-notice").andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("AUTOMATIC"));
        sabae.get("/move-in-notices/outstanding", "date", "2026-12-01")
                .andExpect(jsonPath("$[*].atenaNo").value(not(hasItems(p.head()))));

        // Each municipality's audit chain has its own side; neither sees the other's persons.
        mvc.perform(get("/api/v1/municipalities/" + HINOHARA + "/audit").param("action", "resident.move-in-notice-sent")
                        .with(as("hinohara-auditor")))
                .andExpect(content().string(containsString(newHead)));
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/audit").param("targetId", p.head()).with(as("sabae-auditor")))
                .andExpect(jsonPath("$[*].action").value(hasItem("resident.move-in-notice-recorded")));
        hinohara.get("/residents/" + p.head() + "/move-in-notice").andExpect(status().isNotFound());
        List<String> sabaeSees = sabae.json("/residents", "juminhyoCode", p.headCode()).read("$.results[*].record.atenaNo");
        assertThat(sabaeSees).containsExactly(p.head());
    }
}
