package org.kiban.resident;

import java.time.LocalDate;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.HINOHARA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 支援措置 per the 住民記録システム標準仕様書 §1.1.16 and §3.4 (standards.md §1.10). */
@KibanIntegrationTest
class ProtectionMeasureTest {

    private static final String BASE = "/api/v1/municipalities/" + HINOHARA;

    @Autowired
    MockMvc mvc;

    private DocumentContext send(String user, String path, String json, int status) throws Exception {
        var r = mvc.perform(post(BASE + path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().is(status)).andReturn().getResponse();
        return JsonPath.parse(r.getContentAsString());
    }

    private void check(String user, String atenaNo, String requester, int status) throws Exception {
        mvc.perform(post(BASE + "/residents/" + atenaNo + "/protection-check").param("operation", "CERTIFICATE")
                .param("requester", requester).with(as(user))).andExpect(status().is(status));
    }

    @Test
    void protectedPersonIsRefusedToThirdPartiesUntilASupervisorReleasesOneOperation_spec1_1_16() throws Exception {
        RegistryClient registry = new RegistryClient(mvc, HINOHARA, "hinohara-clerk");
        Family f = Family.moveIn(registry, 45);
        DocumentContext registered = send("hinohara-clerk", "/protection-measures", """
                {"applicantAtenaNo":"%s","covered":{"%s":"子"},"perpetratorName":"%s 健","perpetratorAtenaNo":"%s",
                 "blockedOperations":["INSPECTION","CERTIFICATE"],"startOn":"2026-04-01","provisional":true}"""
                .formatted(f.wife, f.child, f.surname, f.head), 201);
        // The period is one year: 2026-04-01 to 2027-03-31 (standards.md §1.10 example: R2-04-01 → R3-03-31).
        assertThat(registered.<String>read("$[0].endOn")).isEqualTo("2027-03-31");
        assertThat(registered.<Boolean>read("$[0].provisional")).isTrue();
        long measure = registered.<Number>read("$[0].measureNo").longValue();

        // Every read carries the flag.
        registry.get("/residents/" + f.wife).andExpect(jsonPath("$.protectedPerson").value(true));
        registry.get("/residents/" + f.head).andExpect(jsonPath("$.protectedPerson").value(false));
        registry.get("/households/" + f.household).andExpect(jsonPath("$.members[?(@.protectedPerson == true)].record.atenaNo")
                .value(org.hamcrest.Matchers.containsInAnyOrder(f.wife, f.child)));

        // A third party (or an inspection) is refused; the person themself is not.
        check("hinohara-clerk", f.wife, "THIRD_PARTY", 403);
        check("hinohara-clerk", f.wife, "INSPECTION", 403);
        check("hinohara-clerk", f.wife, "SELF", 200);
        check("hinohara-clerk", f.head, "THIRD_PARTY", 200);

        // Only a 支援措置責任者 releases, for one operation; the release is used once.
        send("hinohara-clerk", "/protection-measures/" + measure + "/releases",
                "{\"operation\":\"CERTIFICATE\",\"reason\":\"裁判所からの照会\"}", 403);
        send("hinohara-supervisor", "/protection-measures/" + measure + "/releases",
                "{\"operation\":\"CERTIFICATE\",\"reason\":\"裁判所からの照会\"}", 201);
        check("hinohara-clerk", f.wife, "THIRD_PARTY", 200);
        check("hinohara-clerk", f.wife, "THIRD_PARTY", 403);
        mvc.perform(get(BASE + "/audit").param("targetId", f.wife).with(as("hinohara-auditor")))
                .andExpect(jsonPath("$[*].action").value(org.hamcrest.Matchers.hasItems("protection.registered",
                        "protection.released", "protection.release-used", "protection.refused")));

        // Review done: the provisional measure becomes a measure.
        send("hinohara-clerk", "/protection-measures/" + measure + "/confirmation", "", 200);
        mvc.perform(get(BASE + "/protection-measures/" + measure).with(as("hinohara-clerk")))
                .andExpect(jsonPath("$.provisional").value(false));
    }

    @Test
    void extensionRunsOneYearFromTheDayAfterTheEndAndOpensOneMonthBefore_spec1_1_16() throws Exception {
        RegistryClient registry = new RegistryClient(mvc, HINOHARA, "hinohara-clerk");
        Family f = Family.moveIn(registry, 46);
        LocalDate start = LocalDate.now().minusMonths(11).minusDays(10);
        DocumentContext registered = send("hinohara-clerk", "/protection-measures", """
                {"applicantAtenaNo":"%s","startOn":"%s"}""".formatted(f.wife, start), 201);
        long measure = registered.<Number>read("$[0].measureNo").longValue();
        LocalDate end = start.plusYears(1).minusDays(1);
        // In the last month the measure carries an alert, and shows in the list of those ending soon.
        mvc.perform(get(BASE + "/protection-measures").param("expiringWithinDays", "31").with(as("hinohara-clerk")))
                .andExpect(jsonPath("$[?(@.measureNo == " + measure + ")].alert").value(org.hamcrest.Matchers.contains("期間満了まで1か月以内")));
        // Too early two months before the end.
        send("hinohara-clerk", "/protection-measures/" + measure + "/extensions",
                "{\"on\":\"" + end.minusMonths(2) + "\"}", 409);
        DocumentContext extended = send("hinohara-clerk", "/protection-measures/" + measure + "/extensions", "{}", 200);
        assertThat(extended.<String>read("$.endOn")).isEqualTo(end.plusYears(1).toString());
    }

    @Test
    void aMoveOutKeepsTheMeasureAsTheFormerAddressProvisionally_spec1_1_16() throws Exception {
        RegistryClient registry = new RegistryClient(mvc, HINOHARA, "hinohara-clerk");
        Family f = Family.moveIn(registry, 44);
        long measure = send("hinohara-clerk", "/protection-measures", "{\"applicantAtenaNo\":\"%s\",\"startOn\":\"2026-04-02\"}"
                .formatted(f.child), 201).<Number>read("$[0].measureNo").longValue();
        registry.accepted("""
                {"type":"MOVE_OUT_DOMESTIC","effectiveDate":"2026-05-01","atenaNos":["%s"],"destination":{"address":"東京都あきる野市"}}"""
                .formatted(f.child));
        mvc.perform(get(BASE + "/protection-measures/" + measure).with(as("hinohara-clerk")))
                .andExpect(jsonPath("$.formerAddress").value(true))
                .andExpect(jsonPath("$.provisional").value(true));
        registry.get("/residents/" + f.child).andExpect(jsonPath("$.protectedPerson").value(true));
    }
}
