package org.kiban.platform;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.matchesPattern;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input gets an RFC 9457 problem document with a machine-readable type and a Japanese detail, never a 500.
 */
@KibanIntegrationTest
class BadRequestTest {

    private static final String PARAM = "/api/v1/municipalities/133078/parameters/security.lockout-threshold";

    @Autowired
    MockMvc mvc;

    record Bad(String user, HttpMethod method, String path, String contentType, String body, int status, String type) {
        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body) + " → " + status + " " + type;
        }
    }

    static Stream<Arguments> badRequests() {
        String json = MediaType.APPLICATION_JSON_VALUE;
        return Stream.of(
                new Bad("hinohara-admin", HttpMethod.PUT, PARAM, json, "{\"value\": 4, \"validFrom\": ", 400, "malformed-json"),
                new Bad("hinohara-admin", HttpMethod.PUT, PARAM, json, "{\"value\":4,\"validFrom\":\"2030-04-01\",\"reason\":\"r\",\"color\":\"red\"}", 400, "unknown-field"),
                new Bad("hinohara-admin", HttpMethod.PUT, PARAM, json, "{\"value\":4,\"validFrom\":\"令和12年\",\"reason\":\"r\"}", 400, "invalid-field-value"),
                new Bad("hinohara-admin", HttpMethod.PUT, PARAM, json, "{\"value\":4,\"validFrom\":[2030],\"reason\":\"r\"}", 400, "invalid-field-value"),
                new Bad("hinohara-admin", HttpMethod.PUT, PARAM, json, "[]", 400, "invalid-field-value"),
                new Bad("hinohara-admin", HttpMethod.PUT, PARAM, json, "", 400, "unreadable-body"),
                new Bad("hinohara-admin", HttpMethod.PUT, PARAM, "text/plain", "4", 415, "unsupported-media-type"),
                new Bad("hinohara-admin", HttpMethod.DELETE, PARAM, null, null, 405, "method-not-allowed"),
                new Bad("hinohara-admin", HttpMethod.GET, PARAM, null, null, 200, null),
                new Bad("hinohara-clerk", HttpMethod.GET, "/api/v1/municipalities/133079/parameters", null, null, 400, "invalid-lg-code-path"),
                new Bad("hinohara-clerk", HttpMethod.GET, "/api/v1/municipalities/13307/parameters", null, null, 400, "invalid-lg-code-path"),
                new Bad("hinohara-clerk", HttpMethod.GET, "/api/v1/municipalities/141004", null, null, 400, "invalid-check-digit"),
                new Bad("hinohara-clerk", HttpMethod.GET, "/api/v1/municipalities/abcdef", null, null, 400, "invalid-lg-code"),
                // 99999 + check digit 7 is well formed but no such municipality.
                new Bad("hinohara-clerk", HttpMethod.GET, "/api/v1/municipalities/999997", null, null, 404, "not-found"),
                new Bad("hinohara-clerk", HttpMethod.GET, "/api/v1/municipalities?prefecture=99", null, null, 400, "unknown-prefecture"),
                new Bad("hinohara-clerk", HttpMethod.GET, "/api/v1/municipalities?prefecture=東京", null, null, 200, null),
                new Bad("hinohara-clerk", HttpMethod.GET, "/api/v1/municipalities?prefecture=大東京都", null, null, 400, "unknown-prefecture"),
                new Bad("hinohara-clerk", HttpMethod.GET, "/api/v1/municipalities?kind=METROPOLIS", null, null, 400, "invalid-parameter"),
                new Bad("hinohara-clerk", HttpMethod.GET, PARAM + "?at=2026-13-01", null, null, 400, "invalid-parameter"),
                new Bad("hinohara-auditor", HttpMethod.GET, "/api/v1/municipalities/133078/audit?limit=0", null, null, 400, "invalid-limit"),
                new Bad("hinohara-auditor", HttpMethod.GET, "/api/v1/municipalities/133078/audit?from=2026-05-01&to=2026-04-01", null, null, 400, "invalid-period"),
                new Bad("hinohara-clerk", HttpMethod.GET, "/api/v1/no-such-thing", null, null, 404, "no-such-endpoint"),
                new Bad("hinohara-admin", HttpMethod.POST, "/api/v1/municipalities/133078/staff", json,
                        "{\"staffId\":\"Bad Name\",\"displayName\":\"x\",\"officeCode\":\"001\",\"password\":\"long-enough-pass\",\"roles\":[\"AUDITOR\"]}", 400, "invalid-login-name"),
                new Bad("hinohara-admin", HttpMethod.POST, "/api/v1/municipalities/133078/staff", json,
                        "{\"staffId\":\"hinohara-short\",\"displayName\":\"x\",\"officeCode\":\"001\",\"password\":\"short\",\"roles\":[\"AUDITOR\"]}", 400, "weak-password"),
                new Bad("hinohara-admin", HttpMethod.POST, "/api/v1/municipalities/133078/staff", json,
                        "{\"staffId\":\"hinohara-x\",\"displayName\":\"x\",\"officeCode\":\"999\",\"password\":\"long-enough-pass\",\"roles\":[\"AUDITOR\"]}", 400, "unknown-office"),
                new Bad("hinohara-admin", HttpMethod.POST, "/api/v1/municipalities/133078/staff", json,
                        "{\"staffId\":\"hinohara-x\",\"displayName\":\"x\",\"officeCode\":\"001\",\"password\":\"long-enough-pass\",\"roles\":[\"MAYOR\"]}", 400, "invalid-field-value"),
                new Bad("hinohara-admin", HttpMethod.POST, "/api/v1/municipalities/133078/staff", json,
                        "{\"staffId\":\"hinohara-clerk\",\"displayName\":\"x\",\"officeCode\":\"001\",\"password\":\"long-enough-pass\",\"roles\":[\"AUDITOR\"]}", 409, "login-name-taken"),
                new Bad("hinohara-admin", HttpMethod.POST, "/api/v1/municipalities/133078/offices", json,
                        "{\"officeCode\":\"W1\",\"kind\":\"WARD_OFFICE\",\"name\":\"区役所\",\"wardLgCode\":\"141046\"}", 400, "ward-office-needs-ward"),
                new Bad("operator", HttpMethod.POST, "/api/v1/tenants", json, "{\"lgCode\":\"130001\"}", 400, "not-a-municipality"),
                new Bad("operator", HttpMethod.POST, "/api/v1/tenants", json, "{\"lgCode\":\"141046\"}", 400, "not-a-municipality"),
                new Bad("operator", HttpMethod.POST, "/api/v1/tenants", json, "{\"lgCode\":\"141004\"}", 400, "invalid-check-digit"),
                new Bad("operator", HttpMethod.POST, "/api/v1/tenants", json, "{}", 400, "validation-failed"),
                new Bad("operator", HttpMethod.POST, "/api/v1/tenants", json, "{\"lgCode\":\"141003\"}", 409, "tenant-exists"),
                new Bad("operator", HttpMethod.POST, "/api/v1/tenants/141003/transitions", json, "{\"to\":\"PLANNED\"}", 409, "invalid-transition"),
                new Bad("operator", HttpMethod.POST, "/api/v1/tenants/141003/transitions", json, "{\"to\":\"ASLEEP\"}", 400, "invalid-field-value"),
                new Bad("hinohara-clerk", HttpMethod.POST, "/api/v1/tenants", json, "{\"lgCode\":\"182087\"}", 403, "forbidden")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersWithAProblemDocument(Bad bad) throws Exception {
        var req = request(bad.method(), bad.path()).with(as(bad.user()));
        if (bad.contentType() != null) {
            req = req.contentType(bad.contentType()).content(bad.body());
        }
        var result = mvc.perform(req).andExpect(status().is(bad.status()));
        if (bad.type() != null) {
            result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("/problems/" + bad.type()))
                    .andExpect(jsonPath("$.status").value(bad.status()))
                    .andExpect(jsonPath("$.title").value(matchesPattern(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*")))
                    .andExpect(jsonPath("$.detail").value(matchesPattern(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*")));
        }
    }
}
