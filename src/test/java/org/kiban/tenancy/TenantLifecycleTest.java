package org.kiban.tenancy;

import org.junit.jupiter.api.Test;
import org.kiban.KibanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiban.TestAccounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Municipalities join one by one (五月雨方式): planned → migrating → live → exited, each with its date. */
@KibanIntegrationTest
@RecordApplicationEvents
class TenantLifecycleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    @Test
    void operatorMovesATenantThroughItsLifecycle() throws Exception {
        // 勝山市 (182061) joins when its previous system's contract ends on 2027-03-31.
        mvc.perform(post("/api/v1/tenants").with(as("operator")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lgCode\":\"182061\",\"plannedOn\":\"2026-04-01\",\"previousSystemContractEnd\":\"2027-03-31\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("PLANNED"))
                .andExpect(jsonPath("$.name").value("勝山市"));
        mvc.perform(post("/api/v1/tenants/182061/transitions").with(as("operator")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"LIVE\",\"effectiveOn\":\"2027-04-01\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/tenants/182061/transitions").with(as("operator")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"MIGRATING\",\"effectiveOn\":\"2026-10-01\",\"note\":\"移行リハーサル\"}"))
                .andExpect(jsonPath("$.state").value("MIGRATING"))
                .andExpect(jsonPath("$.migrationStartedOn").value("2026-10-01"));
        mvc.perform(post("/api/v1/tenants/182061/transitions").with(as("operator")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"LIVE\",\"effectiveOn\":\"2026-09-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/transition-before-last"));
        mvc.perform(post("/api/v1/tenants/182061/transitions").with(as("operator")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"LIVE\",\"effectiveOn\":\"2027-04-01\"}"))
                .andExpect(jsonPath("$.state").value("LIVE"))
                .andExpect(jsonPath("$.liveOn").value("2027-04-01"));
        mvc.perform(get("/api/v1/tenants/182061").with(as("operator")))
                .andExpect(jsonPath("$.stateChanges.length()").value(3))
                .andExpect(jsonPath("$.stateChanges[2].to_state").value("LIVE"));
        assertThat(events.stream(TenantStateChanged.class).filter(e -> e.lgCode().equals("182061")))
                .extracting(TenantStateChanged::to)
                .containsExactly(TenantState.PLANNED, TenantState.MIGRATING, TenantState.LIVE);
    }

    @Test
    void aDesignatedCityGetsAWardOfficePerWard() throws Exception {
        // 川崎市 has 7 wards; its offices are the 本庁 and one 区役所 per ward.
        mvc.perform(post("/api/v1/tenants").with(as("operator")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lgCode\":\"141305\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/tenants/141305").with(as("operator")))
                .andExpect(jsonPath("$.tenant.kind").value("DESIGNATED_CITY"));
    }
}
