package org.kiban.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kiban.KibanIntegrationTest;
import org.kiban.platform.Actor;
import org.kiban.platform.TenantContext;
import org.kiban.platform.db.DatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiban.TestAccounts.SABAE;
import static org.kiban.TestAccounts.YOKOHAMA;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A user of one municipality never sees another's data (ARCHITECTURE §2, §6). */
@KibanIntegrationTest
class TenantIsolationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Autowired
    DatabaseServer db;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    /** Every tenant resource of the API, as a request of 横浜市's administrator against 鯖江市. */
    static Stream<Arguments> tenantResources() {
        String body = "{}";
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/api/v1/municipalities/" + SABAE + "/parameters", null),
                Arguments.of(HttpMethod.GET, "/api/v1/municipalities/" + SABAE + "/parameters/security.lockout-threshold", null),
                Arguments.of(HttpMethod.GET, "/api/v1/municipalities/" + SABAE + "/parameters/security.lockout-threshold/history", null),
                Arguments.of(HttpMethod.PUT, "/api/v1/municipalities/" + SABAE + "/parameters/security.lockout-threshold",
                        "{\"value\":3,\"validFrom\":\"2026-04-01\",\"reason\":\"x\"}"),
                Arguments.of(HttpMethod.GET, "/api/v1/municipalities/" + SABAE + "/customization-report", null),
                Arguments.of(HttpMethod.GET, "/api/v1/municipalities/" + SABAE + "/audit", null),
                Arguments.of(HttpMethod.GET, "/api/v1/municipalities/" + SABAE + "/audit/verification", null),
                Arguments.of(HttpMethod.GET, "/api/v1/municipalities/" + SABAE + "/offices", null),
                Arguments.of(HttpMethod.POST, "/api/v1/municipalities/" + SABAE + "/offices", body),
                Arguments.of(HttpMethod.GET, "/api/v1/municipalities/" + SABAE + "/staff", null),
                Arguments.of(HttpMethod.POST, "/api/v1/municipalities/" + SABAE + "/staff", body),
                Arguments.of(HttpMethod.PUT, "/api/v1/municipalities/" + SABAE + "/staff/sabae-clerk/duties", body),
                Arguments.of(HttpMethod.GET, "/api/v1/municipalities/" + SABAE + "/api-tokens", null),
                Arguments.of(HttpMethod.POST, "/api/v1/municipalities/" + SABAE + "/api-tokens", body),
                Arguments.of(HttpMethod.DELETE, "/api/v1/municipalities/" + SABAE + "/api-tokens/abc", null),
                Arguments.of(HttpMethod.GET, "/api/v1/municipalities/" + SABAE + "/roles", null),
                Arguments.of(HttpMethod.GET, "/api/v1/tenants/" + SABAE, null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tenantResources")
    void anotherTenantsResourceIsNotFound(HttpMethod method, String path, String body) throws Exception {
        for (String user : new String[] {"yokohama-admin", "yokohama-auditor", "yokohama-clerk"}) {
            var req = request(method, path).with(as(user));
            if (body != null) {
                req = req.contentType(MediaType.APPLICATION_JSON).content(body);
            }
            mvc.perform(req)
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("/problems/not-found"));
        }
    }

    @Test
    void ownResourceOfTheSameShapeIsFound() throws Exception {
        mvc.perform(request(HttpMethod.GET, "/api/v1/municipalities/" + YOKOHAMA + "/offices").with(as("yokohama-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].lgCode").value(YOKOHAMA));
    }

    @Test
    void tenantListShowsStaffTheirOwnTenantOnly() throws Exception {
        mvc.perform(request(HttpMethod.GET, "/api/v1/tenants").with(as("sabae-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].lgCode").value(SABAE));
    }

    @Test
    void operatorSeesNoTenantData() throws Exception {
        mvc.perform(request(HttpMethod.GET, "/api/v1/municipalities/" + YOKOHAMA + "/staff").with(as("operator")))
                .andExpect(status().isNotFound());
        mvc.perform(request(HttpMethod.GET, "/api/v1/tenants").with(as("operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(4)));
    }

    private long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aQueryWithoutTenantContextSeesNoRows() throws Exception {
        long everyStaff;
        try (Connection owner = db.ownerConnection()) {
            everyStaff = count(owner, "select count(*) from staff");
        }
        assertThat(everyStaff).as("demo staff of three tenants").isGreaterThanOrEqualTo(18);
        try (Connection app = dataSource.getConnection()) {
            assertThat(count(app, "select count(*) from staff")).isZero();
            assertThat(count(app, "select count(*) from audit_entry")).isZero();
            assertThat(count(app, "select count(*) from parameter_value")).isZero();
        }
    }

    @Test
    void aTransactionSeesItsOwnTenantOnlyAndCannotWriteForAnother() {
        Long yokohamaStaff = TenantContext.callAs(YOKOHAMA, Actor.SYSTEM, () -> tx.execute(s ->
                jdbc.sql("select count(*) from staff").query(Long.class).single()));
        Long foreign = TenantContext.callAs(YOKOHAMA, Actor.SYSTEM, () -> tx.execute(s ->
                jdbc.sql("select count(*) from staff where lg_code <> ?").param(YOKOHAMA).query(Long.class).single()));
        assertThat(yokohamaStaff).isGreaterThanOrEqualTo(6);
        assertThat(foreign).isZero();
        assertThatThrownBy(() -> TenantContext.runAs(YOKOHAMA, Actor.SYSTEM, () -> tx.executeWithoutResult(s ->
                jdbc.sql("insert into office (lg_code, office_code, kind, name, opened_on) values (?, 'X1', 'BRANCH', '越境', current_date)")
                        .param(SABAE).update())))
                .rootCause().hasMessageContaining("row-level security");
    }
}
