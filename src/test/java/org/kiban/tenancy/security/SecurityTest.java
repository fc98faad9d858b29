package org.kiban.tenancy.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.platform.db.DatabaseServer;
import org.kiban.tenancy.StaffRole;
import org.kiban.tenancy.internal.StaffService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiban.TestAccounts.PASSWORD;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.TestAccounts.YOKOHAMA;
import static org.kiban.TestAccounts.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in, lockout, CSRF, API tokens, 事務分掌 roles, and demo accounts outside demo mode. */
@KibanIntegrationTest
class SecurityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    StaffService staff;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    DatabaseServer db;

    @Test
    void apiWithoutCredentialsIsUnauthorizedWithAProblemDocument() throws Exception {
        mvc.perform(get("/api/v1/municipalities"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(jsonPath("$.type").value("/problems/unauthorized"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        mvc.perform(get("/api/v1/municipalities").with(httpBasic("yokohama-clerk", "wrong-password-0")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void screensRedirectToTheLoginPageAndFormLoginWorks() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/login").user("sabae-clerk").password(PASSWORD))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("sabae-clerk").password("not-the-password"))
                .andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void formsNeedTheirCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", "sabae-clerk").param("password", PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "sabae-clerk").param("password", PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void sessionTimeoutFollowsTheTenantParameter() throws Exception {
        // 横浜市 (demo) sets security.session-timeout-minutes to 20 from 2026-04-01; 鯖江市 keeps the standard 30.
        MvcResult yokohama = mvc.perform(formLogin("/login").user("yokohama-clerk").password(PASSWORD)).andReturn();
        assertThat(yokohama.getRequest().getSession().getMaxInactiveInterval()).isEqualTo(20 * 60);
        MvcResult sabae = mvc.perform(formLogin("/login").user("sabae-tax").password(PASSWORD)).andReturn();
        assertThat(sabae.getRequest().getSession().getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    @Test
    void passwordsAreStoredHashed() throws Exception {
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select password_hash from staff where staff_id = 'sabae-clerk'")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        }
    }

    @Test
    void repeatedFailuresLockTheAccount() throws Exception {
        // The standard lockout threshold is 5 failures (TenancyParameters); 鯖江市 keeps it.
        TenantContext.runAs(SABAE, Actor.system("test"), () ->
                staff.create("sabae-locktest", "ロック 試験", "001", "correct-horse-battery", Set.of(StaffRole.RESIDENT_CLERK), false));
        for (int i = 1; i <= 4; i++) {
            mvc.perform(get("/api/v1/tenants").with(httpBasic("sabae-locktest", "wrong-" + i)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("/problems/unauthorized"));
        }
        mvc.perform(get("/api/v1/tenants").with(httpBasic("sabae-locktest", "wrong-5")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/account-locked"));
        // Locked: even the right password is refused now.
        mvc.perform(get("/api/v1/tenants").with(httpBasic("sabae-locktest", "correct-horse-battery")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/account-locked"));
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/audit").param("action", "login.failed")
                        .with(as("sabae-auditor")))
                .andExpect(jsonPath("$[?(@.targetId == 'sabae-locktest')]").isNotEmpty());
    }

    @Test
    void demoAccountsCannotSignInOutsideDemoMode() {
        KibanAuthenticationProvider production = new KibanAuthenticationProvider(accounts, passwords, false);
        assertThatThrownBy(() -> production.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("yokohama-clerk", PASSWORD)))
                .isInstanceOf(DisabledException.class);
        KibanAuthenticationProvider demo = new KibanAuthenticationProvider(accounts, passwords, true);
        assertThat(demo.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("yokohama-clerk", PASSWORD))
                .isAuthenticated()).isTrue();
        assertThatThrownBy(() -> demo.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody-here", PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void rolesGovernWhatStaffMayDo() throws Exception {
        mvc.perform(get("/api/v1/municipalities/" + YOKOHAMA + "/audit").with(as("yokohama-clerk")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(get("/api/v1/municipalities/" + YOKOHAMA + "/audit").with(as("yokohama-auditor")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/municipalities/" + YOKOHAMA + "/parameters/security.lockout-threshold")
                        .with(as("yokohama-auditor")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":4,\"validFrom\":\"2030-04-01\",\"reason\":\"試験\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void administratorsAssignDutiesPerTenant() throws Exception {
        mvc.perform(post("/api/v1/municipalities/" + SABAE + "/staff").with(as("sabae-admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"staffId":"sabae-newcomer","displayName":"新任 職員","officeCode":"002",
                                 "password":"newcomer-password-1","roles":["RESIDENT_CLERK"]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.duties[0].role").value("RESIDENT_CLERK"));
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/audit").with(httpBasic("sabae-newcomer", "newcomer-password-1")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/municipalities/" + SABAE + "/staff/sabae-newcomer/duties").with(as("sabae-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"AUDITOR\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duties[0].role").value("AUDITOR"));
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/audit").with(httpBasic("sabae-newcomer", "newcomer-password-1")))
                .andExpect(status().isOk());
        // A clerk may not create staff.
        mvc.perform(post("/api/v1/municipalities/" + SABAE + "/staff").with(as("sabae-clerk"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"staffId\":\"sabae-x\",\"displayName\":\"x\",\"officeCode\":\"001\",\"password\":\"long-enough-pass\",\"roles\":[\"AUDITOR\"]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void apiTokensAreScopedToTheirTenantAndPermissions() throws Exception {
        MvcResult issued = mvc.perform(post("/api/v1/municipalities/" + YOKOHAMA + "/api-tokens").with(as("yokohama-admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"介護保険システム（連携試験）\",\"permissions\":[\"municipality:read\",\"parameter:read\"]}"))
                .andExpect(status().isCreated())
                .andReturn();
        JsonNode body = json.readTree(issued.getResponse().getContentAsString());
        String token = body.get("token").stringValue();
        String tokenId = body.get("info").get("tokenId").stringValue();
        assertThat(token).startsWith("kbn_" + YOKOHAMA + "_");

        mvc.perform(get("/api/v1/municipalities/" + YOKOHAMA + "/parameters").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/municipalities/" + YOKOHAMA + "/audit").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/parameters").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        String forged = token.replace("kbn_" + YOKOHAMA, "kbn_" + SABAE);
        mvc.perform(get("/api/v1/municipalities/" + SABAE + "/parameters").header("Authorization", "Bearer " + forged))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/invalid-token"));

        mvc.perform(delete("/api/v1/municipalities/" + YOKOHAMA + "/api-tokens/" + tokenId).with(as("yokohama-admin")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/municipalities/" + YOKOHAMA + "/parameters").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void tokensCannotCarryOperatorPermissions() throws Exception {
        mvc.perform(post("/api/v1/municipalities/" + YOKOHAMA + "/api-tokens").with(as("yokohama-admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"permissions\":[\"tenant:manage\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/unknown-permission"));
        // Nor a person's decisions: releasing a 支援措置, acting as 応援職員.
        for (String personal : new String[] {"protection:release", "disaster:aid"}) {
            mvc.perform(post("/api/v1/municipalities/" + YOKOHAMA + "/api-tokens").with(as("yokohama-admin"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"x\",\"permissions\":[\"" + personal + "\"]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/unknown-permission"));
        }
    }
}
