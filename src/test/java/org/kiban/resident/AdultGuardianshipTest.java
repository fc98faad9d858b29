package org.kiban.resident;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.TestAccounts.as;
import static org.kiban.TestAccounts.signIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 成年被後見人 (standards.md §1.9, j1310): a flag with its period, appended and audited, and a notice to the 転入地 on 転出. */
@KibanIntegrationTest
class AdultGuardianshipTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ResidentNotifications notifications;
    @Autowired
    List<FollowUpContribution> followUps;

    private ResultActions record(String user, String atenaNo, String json) throws Exception {
        return mvc.perform(post("/api/v1/municipalities/" + HINOHARA + "/residents/" + atenaNo + "/adult-guardianship")
                .with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static void problem(ResultActions r, int status) throws Exception {
        r.andExpect(status().is(status)).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(matchesPattern(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*")));
    }

    @Test
    void aClerkRecordsThePeriodTheViewShowsTheFlagAndAMoveOutOffersTheNoticeToTheNewMunicipality() throws Exception {
        RegistryClient registry = new RegistryClient(mvc, HINOHARA, "hinohara-clerk");
        Family f = Family.moveIn(registry, 47);

        problem(record("hinohara-clerk", f.head, "{}"), 400);
        problem(record("hinohara-clerk", f.head, "{\"startOn\":\"2026-05-01\",\"endOn\":\"2026-04-01\"}"), 400);
        problem(record("hinohara-clerk", f.head, "{\"startOn\":\"2099-05-01\"}"), 400);
        problem(record("hinohara-clerk", f.head, "{\"startOn\":\"2026-02-30\"}"), 400);
        problem(record("hinohara-clerk", "9999999999", "{\"startOn\":\"2026-05-01\"}"), 404);
        record("hinohara-care", f.head, "{\"startOn\":\"2026-05-01\"}").andExpect(status().isForbidden());
        registry.get("/residents/" + f.head + "/adult-guardianship").andExpect(jsonPath("$", hasSize(0)));

        record("hinohara-clerk", f.head, "{\"startOn\":\"2026-05-01\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.seq").value(1));
        record("hinohara-clerk", f.head, "{\"startOn\":\"2026-05-01\"}").andExpect(status().isOk());
        registry.get("/residents/" + f.head + "/adult-guardianship").andExpect(jsonPath("$", hasSize(1)));

        MockHttpSession clerk = signIn(mvc, "hinohara-clerk");
        mvc.perform(get("/municipalities/" + HINOHARA + "/residents/" + f.head).session(clerk)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"guardianship-flag\"")))
                .andExpect(content().string(containsString("（2026-05-01から）")));
        mvc.perform(get("/municipalities/" + HINOHARA + "/residents/" + f.wife).session(clerk))
                .andExpect(content().string(not(containsString("id=\"guardianship-flag\""))));
        mvc.perform(get("/api/v1/municipalities/" + HINOHARA + "/audit").param("targetId", f.head).with(as("hinohara-auditor")))
                .andExpect(jsonPath("$[*].action").value(hasItem("resident.guardianship-recorded")));

        // Another municipality sees nothing of it.
        mvc.perform(get("/api/v1/municipalities/" + HINOHARA + "/residents/" + f.head + "/adult-guardianship").with(as("sabae-clerk")))
                .andExpect(status().is(org.hamcrest.Matchers.oneOf(403, 404)));
        String sabae = mvc.perform(get("/api/v1/municipalities/" + SABAE + "/residents/" + f.head + "/adult-guardianship")
                .with(as("sabae-clerk"))).andReturn().getResponse().getContentAsString();
        assertThat(sabae).doesNotContain("2026-05-01");

        // A 転出 of the person: the notice to the 転入地 is offered as follow-up work.
        NotificationResult out = TenantContext.callAs(HINOHARA, Actor.system("guardianship-test"), () -> notifications.submit(
                new Notification.MoveOut(NotificationType.MOVE_OUT_DOMESTIC, LocalDate.now().toString(), LocalDate.now(), null,
                        null, true, List.of(f.head, f.wife, f.child), Address.of("福井県鯖江市西山町13番1号"), SABAE)));
        List<String> labels = TenantContext.callAs(HINOHARA, Actor.system("guardianship-test"), () -> followUps.stream()
                .flatMap(c -> c.after(HINOHARA, out).stream()).map(FollowUpContribution.Item::label).toList());
        assertThat(labels).anyMatch(l -> l.startsWith("成年被後見人である旨を転入地に通知する")).noneMatch(l -> l.startsWith("成年被後見人") && l.contains("恵"));

        // From the counter view: a wrong date is said on the view, the end recorded by the form.
        mvc.perform(post("/municipalities/" + HINOHARA + "/residents/" + f.wife + "/adult-guardianship").session(clerk)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("startOn", "2026-13-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("guardianshipError", containsString("後見開始の日")));
        registry.get("/residents/" + f.wife + "/adult-guardianship").andExpect(jsonPath("$", hasSize(0)));

        // The end is appended; the flag goes, the history keeps both.
        record("hinohara-clerk", f.head, "{\"startOn\":\"2026-05-01\",\"endOn\":\"2026-06-01\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.seq").value(2));
        registry.get("/residents/" + f.head + "/adult-guardianship").andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].endOn").doesNotExist());
        mvc.perform(get("/municipalities/" + HINOHARA + "/residents/" + f.head).session(clerk))
                .andExpect(content().string(not(containsString("id=\"guardianship-flag\""))));
    }
}
