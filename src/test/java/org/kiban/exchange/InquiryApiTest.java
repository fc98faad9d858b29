package org.kiban.exchange;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.TestAccounts.YOKOHAMA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inquiry API: a system reads only the items its token grants and a request names (Haal Centraal style
 * {@code fields}), current or as of a date; the 支援措置 flag comes with every person; each delivery is audited with
 * the system's identity.
 */
@KibanIntegrationTest
class InquiryApiTest {

    private static final String BASE = "/api/v1/municipalities/" + SABAE;

    @Autowired
    MockMvc mvc;

    private DocumentContext send(String user, String path, String json, int expected) throws Exception {
        var response = mvc.perform(post(BASE + path).with(as(user)).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return JsonPath.parse(response.getContentAsString());
    }

    private String token(String permissions, String items) throws Exception {
        return send("sabae-admin", "/api-tokens", """
                {"name":"税務システム（照会試験）","permissions":[%s],"items":[%s]}""".formatted(permissions, items), 201)
                .read("$.token");
    }

    private ResultActions inquire(String token, String path, String... params) throws Exception {
        var request = get(BASE + "/inquiry" + path).header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    /** A household of two moved in on 2026-04-01 and moved within the city on 2026-07-01. */
    private String[] household(String surname, String kana) throws Exception {
        DocumentContext in = send("sabae-clerk", "/notifications", """
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","notifiedOn":"2026-04-01","acknowledgeWarnings":true,
                 "address":{"address":"福井県鯖江市西山町13番1号"},"previousAddress":{"address":"福井県越前市府中一丁目13番7号"},
                 "persons":[
                  {"name":"%1$s 誠","nameKana":"%2$s マコト","birthDate":"1970-05-05","sex":"MALE","relationship":"世帯主",
                   "permanentDomicile":"福井県越前市府中一丁目1番","familyRegisterHead":"%1$s 誠"},
                  {"name":"%1$s 優子","nameKana":"%2$s ユウコ","birthDate":"1972-08-08","sex":"FEMALE","relationship":"妻",
                   "permanentDomicile":"福井県越前市府中一丁目1番","familyRegisterHead":"%1$s 誠"}]}""".formatted(surname, kana), 201);
        String head = in.<List<String>>read("$.records[?(@.name == '" + surname + "　誠')].atenaNo").get(0);
        String wife = in.<List<String>>read("$.records[?(@.name == '" + surname + "　優子')].atenaNo").get(0);
        String householdNo = in.read("$.records[0].householdNo");
        int version = in.<Number>read("$.householdVersions." + householdNo).intValue();
        send("sabae-clerk", "/notifications", """
                {"type":"MOVE_WITHIN","effectiveDate":"2026-07-01","notifiedOn":"2026-07-01","expectedVersions":{"%s":%d},
                 "atenaNos":["%s","%s"],"address":{"address":"福井県鯖江市本町三丁目1番1号","postalCode":"9160026"}}"""
                .formatted(householdNo, version, head, wife), 201);
        return new String[] {head, wife, householdNo};
    }

    @Test
    void aSystemReadsTheItemsItAsksForCurrentOrAsOfADate() throws Exception {
        String[] h = household("照会", "ショウカイ");
        String token = token("\"inquiry:read\"", "\"name\",\"birthDate\",\"address\",\"household\"");

        inquire(token, "/persons/" + h[0], "fields", "name,address")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.atenaNo").value(h[0]))
                .andExpect(jsonPath("$.protected").value(false))
                .andExpect(jsonPath("$.name").value("照会　誠"))
                .andExpect(jsonPath("$.address.address").value("福井県鯖江市本町三丁目1番1号"))
                .andExpect(jsonPath("$.address.postalCode").value("9160026"))
                // only what was asked for
                .andExpect(jsonPath("$.birthDate").doesNotExist())
                .andExpect(jsonPath("$.individualNumber").doesNotExist())
                .andExpect(jsonPath("$.household").doesNotExist());

        // As of a date before the 転居: the address then.
        inquire(token, "/persons/" + h[0], "fields", "address", "asOf", "2026-06-30")
                .andExpect(jsonPath("$.address.address").value("福井県鯖江市西山町13番1号"));
        // Before the 転入 the person was not in the registry.
        inquire(token, "/persons/" + h[0], "fields", "name", "asOf", "2026-03-31").andExpect(status().isNotFound());

        DocumentContext members = JsonPath.parse(inquire(token, "/households/" + h[2], "fields", "name,household")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(members.<List<String>>read("$.persons[*].atenaNo")).containsExactly(h[0], h[1]);
        assertThat(members.<List<String>>read("$.persons[*].household.relationship")).containsExactly("世帯主", "妻");

        DocumentContext found = JsonPath.parse(inquire(token, "/persons", "kana", "ショウカイ", "birthDate", "1972-08-08",
                "fields", "name").andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(found.<List<String>>read("$.persons[*].atenaNo")).containsExactly(h[1]);
    }

    @Test
    void unknownFieldsAre400AndFieldsNotGrantedAre403NamingTheField() throws Exception {
        String[] h = household("範囲", "ハンイ");
        String token = token("\"inquiry:read\"", "\"name\",\"address\"");

        inquire(token, "/persons/" + h[0]).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/fields-required"));
        inquire(token, "/persons/" + h[0], "fields", "name,shoeSize").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/unknown-field"))
                .andExpect(jsonPath("$.field").value("shoeSize"));
        // A tax system may read 住所 but neither the 個人番号 nor the details of a 支援措置 unless granted.
        inquire(token, "/persons/" + h[0], "fields", "name,individualNumber").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/field-not-granted"))
                .andExpect(jsonPath("$.field").value("individualNumber"));
        inquire(token, "/persons/" + h[0], "fields", "protectionMeasure").andExpect(status().isForbidden());
        inquire(token, "/persons", "individualNumber", "123456789018", "fields", "name").andExpect(status().isForbidden());

        // Tokens: inquiry:read needs items; items need inquiry:read; items must exist.
        send("sabae-admin", "/api-tokens", "{\"name\":\"x\",\"permissions\":[\"inquiry:read\"]}", 400);
        send("sabae-admin", "/api-tokens", "{\"name\":\"x\",\"permissions\":[\"resident:read\"],\"items\":[\"name\"]}", 400);
        DocumentContext unknown = send("sabae-admin", "/api-tokens",
                "{\"name\":\"x\",\"permissions\":[\"inquiry:read\"],\"items\":[\"shoeSize\"]}", 400);
        assertThat(unknown.<String>read("$.type")).isEqualTo("/problems/unknown-token-item");

        // A staff member without the permission, and another tenant's token, get nothing.
        mvc.perform(get(BASE + "/inquiry/persons/" + h[0]).param("fields", "name").with(as("sabae-clerk")))
                .andExpect(status().isForbidden());
        String yokohama = JsonPath.parse(mvc.perform(post("/api/v1/municipalities/" + YOKOHAMA + "/api-tokens")
                        .with(as("yokohama-admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"横浜の税務\",\"permissions\":[\"inquiry:read\"],\"items\":[\"name\"]}"))
                .andReturn().getResponse().getContentAsString()).read("$.token");
        inquire(yokohama, "/persons/" + h[0], "fields", "name").andExpect(status().isNotFound());
    }

    @Test
    void theProtectionFlagComesWithEveryPersonAndItsDetailsOnlyWhenGranted() throws Exception {
        String[] h = household("保護", "ホゴ");
        send("sabae-clerk", "/protection-measures", """
                {"applicantAtenaNo":"%s","covered":{},"perpetratorName":"保護 誠","perpetratorAtenaNo":"%s",
                 "blockedOperations":["INSPECTION","CERTIFICATE"],"startOn":"2026-04-01"}""".formatted(h[1], h[0]), 201);
        String care = token("\"inquiry:read\"", "\"name\",\"protectionMeasure\"");

        DocumentContext wife = JsonPath.parse(inquire(care, "/persons/" + h[1], "fields", "name,protectionMeasure")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(wife.<Boolean>read("$.protected")).isTrue();
        assertThat(wife.<List<String>>read("$.protectionMeasure[0].blockedOperations"))
                .containsExactly("CERTIFICATE", "INSPECTION");
        assertThat(wife.<String>read("$.protectionMeasure[0].endOn")).isEqualTo("2027-03-31");
        // Never who the perpetrator is.
        assertThat(wife.jsonString()).doesNotContain("perpetrator").doesNotContain(h[0]);

        // Each delivered person is one audit entry naming the system and the items.
        DocumentContext trail = JsonPath.parse(mvc.perform(get(BASE + "/audit").param("action", "inquiry.delivered")
                .param("targetId", h[1]).with(as("sabae-auditor"))).andReturn().getResponse().getContentAsString());
        List<Map<String, Object>> entries = trail.read("$[*]");
        assertThat(entries).isNotEmpty();
        assertThat(trail.<String>read("$[0].actor")).contains("token:");
        assertThat(trail.<String>read("$[0].detail")).contains("protectionMeasure");
    }
}
